/**
 * Hash routes: the site lives under any sub-path (GitHub Pages) with no server rewrites,
 * so the page is chosen by `location.hash` only.
 */
import { BACKENDS, type Backend } from '../../kernel/protocol';

export type Route =
  { page: 'index' } | { page: 'lesson'; slug: string } | { page: 'not-found'; hash: string };

const LESSON_PREFIX = '#/lesson/';

export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#' || hash === '#/') return { page: 'index' };
  if (!hash.startsWith(LESSON_PREFIX)) return { page: 'not-found', hash };
  try {
    const segments = hash.slice(LESSON_PREFIX.length).split('/').map(decodeURIComponent);
    // The slug becomes a file path: no empty, '.' or '..' segments.
    const valid = segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\'));
    return valid ? { page: 'lesson', slug: segments.join('/') } : { page: 'not-found', hash };
  } catch {
    return { page: 'not-found', hash }; // malformed %-escape
  }
}

export function lessonHref(slug: string): string {
  return LESSON_PREFIX + slug.split('/').map(encodeURIComponent).join('/');
}

/** `?backend=wasm` pins a backend (tests, or a learner whose GPU misbehaves). */
export function backendFromSearch(search: string): Backend | 'auto' {
  const value = new URLSearchParams(search).get('backend');
  return BACKENDS.find((backend) => backend === value) ?? 'auto';
}
