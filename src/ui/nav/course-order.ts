/**
 * A lesson's neighbours in the course's reading order (`compareLessons`: week, `order`,
 * slug, the order the index lists them in): its previous/next links.
 */
import { compareLessons } from '../../notebook/course';
import type { LessonEntry } from '../../notebook/types';

/** The lessons before and after `slug` in the course (none at either end, or if unknown). */
export function neighbours(
  lessons: readonly LessonEntry[],
  slug: string,
): { previous?: LessonEntry; next?: LessonEntry } {
  const ordered = [...lessons].sort(compareLessons);
  const at = ordered.findIndex((lesson) => lesson.slug === slug);
  if (at < 0) return {};
  return { previous: ordered[at - 1], next: ordered[at + 1] };
}
