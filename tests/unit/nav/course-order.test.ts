import { describe, expect, test } from 'vitest';
import type { LessonEntry } from '../../../src/notebook/types';
import { neighbours } from '../../../src/ui/nav/course-order';

const lesson = (slug: string, week: number, order: number) =>
  ({ slug, frontMatter: { title: slug, week, order } }) as LessonEntry;

// Listed out of order, as course.json could be.
const lessons = [
  lesson('w2b', 2, 2),
  lesson('w1b', 1, 1),
  lesson('w2a', 2, 1),
  lesson('w1a', 1, 0),
];

describe('neighbours', () => {
  test('follow the course order: week, then order', () => {
    expect(neighbours(lessons, 'w1b')).toEqual({ previous: lessons[3], next: lessons[2] });
  });
  test('none before the first or after the last lesson, nothing for an unknown one', () => {
    expect(neighbours(lessons, 'w1a').previous).toBeUndefined();
    expect(neighbours(lessons, 'w2b').next).toBeUndefined();
    expect(neighbours(lessons, 'nope')).toEqual({});
  });
});
