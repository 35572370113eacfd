/**
 * A lesson's slug is its path under `notebooks/` without `.md` (`week1/gradient-descent`),
 * and it becomes a URL path the page fetches. Only lowercase letters, digits and hyphens,
 * in `/`-separated segments, are allowed: no `..`, no `%`-escapes, no dots. The build
 * refuses a notebook whose file name breaks the rule, and a lesson link that breaks it
 * (e.g. `%2F..%2F` smuggled into one segment) is not found.
 */
const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isLessonSlug(slug: string): boolean {
  return slug.split('/').every((segment) => SEGMENT.test(segment));
}

export const LESSON_SLUG_RULE =
  'a lesson file name (and its folders) may use only lowercase letters, digits and hyphens';
