/**
 * Hash routes: the site lives under any sub-path (GitHub Pages) with no server rewrites,
 * so the page is chosen by `location.hash` only.
 */
import { BACKENDS, type Backend } from '../../protocol/messages';
import { isLessonSlug } from '../../notebook/slug';

/**
 * A lesson link may carry flags after `?` inside the hash, e.g.
 * `#/lesson/week1/gradient-descent?backend=wasm`: a hash survives any static host.
 */
export type LessonParams = Record<string, string>;

export type Route =
  | { page: 'index' }
  | { page: 'lesson'; slug: string; params: LessonParams }
  /** One of "Your notebooks" (imported, kept in IndexedDB). */
  | { page: 'notebook'; id: string }
  | { page: 'not-found'; hash: string };

const LESSON_PREFIX = '#/lesson/';
const NOTEBOOK_PREFIX = '#/notebook/';
const NOTEBOOK_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#' || hash === '#/') return { page: 'index' };
  if (hash.startsWith(NOTEBOOK_PREFIX)) {
    const id = hash.slice(NOTEBOOK_PREFIX.length);
    return NOTEBOOK_ID.test(id) ? { page: 'notebook', id } : { page: 'not-found', hash };
  }
  if (!hash.startsWith(LESSON_PREFIX)) return { page: 'not-found', hash };
  const rest = hash.slice(LESSON_PREFIX.length);
  const queryAt = rest.indexOf('?');
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const params = Object.fromEntries(new URLSearchParams(queryAt < 0 ? '' : rest.slice(queryAt)));
  let slug: string;
  try {
    // Decoded first, then checked: a `%2F` must not hide a `/..` from the check.
    slug = decodeURIComponent(path);
  } catch {
    return { page: 'not-found', hash }; // malformed %-escape
  }
  // The slug becomes a file path under notebooks/.
  return isLessonSlug(slug) ? { page: 'lesson', slug, params } : { page: 'not-found', hash };
}

export function lessonHref(slug: string, params: LessonParams = {}): string {
  const query = new URLSearchParams(params).toString();
  return (
    LESSON_PREFIX + slug.split('/').map(encodeURIComponent).join('/') + (query ? `?${query}` : '')
  );
}

export function notebookHref(id: string): string {
  return NOTEBOOK_PREFIX + id;
}

/**
 * `backend=wasm` pins a backend (tests, an instructor's link, or a learner whose GPU
 * misbehaves). The lesson link's own flag wins over the page's `?backend=`.
 */
export function chosenBackend(search: string, params: LessonParams = {}): Backend | 'auto' {
  const value = params.backend ?? new URLSearchParams(search).get('backend');
  return BACKENDS.find((backend) => backend === value) ?? 'auto';
}
