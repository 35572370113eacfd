import { describe, expect, it } from 'vitest';
import { buildCourse, groupByWeek } from '../../../src/notebook/course';
import { readFixture } from './fixtures';

const lesson = (title: string, week: number, order: number): string =>
  `---\ntitle: ${title}\nweek: ${week}\norder: ${order}\n---\n\nText.\n`;

describe('buildCourse', () => {
  it('sorts lessons by week, then order, then slug', () => {
    const { lessons, errors } = buildCourse([
      { slug: 'week2/b', text: lesson('B', 2, 1) },
      { slug: 'week1/z', text: lesson('Z', 1, 2) },
      { slug: 'week2/a', text: lesson('A', 2, 1) },
      { slug: 'week1/y', text: lesson('Y', 1, 0) },
      { slug: 'week10/x', text: lesson('X', 10, 0) },
    ]);
    expect(errors).toEqual([]);
    expect(lessons.map((entry) => entry.slug)).toEqual([
      'week1/y',
      'week1/z',
      'week2/a',
      'week2/b',
      'week10/x',
    ]);
    expect(lessons[0].frontMatter).toEqual({ title: 'Y', week: 1, order: 0 });
  });

  it('lists each lesson’s exercise ids, for progress on the index', () => {
    const { lessons } = buildCourse([
      { slug: 'hints', text: readFixture('hints.md') },
      { slug: 'plain', text: lesson('P', 1, 0) },
    ]);
    expect(lessons.map((entry) => [entry.slug, entry.exercises])).toEqual([
      ['plain', undefined],
      ['hints', ['sq']],
    ]);
  });

  it('refuses a file name a lesson link could not reach', () => {
    const { lessons, errors } = buildCourse([
      { slug: 'week1/My Lesson', text: lesson('M', 1, 0) },
      { slug: 'week1/ok-2', text: lesson('O', 1, 1) },
    ]);
    expect(lessons.map((entry) => entry.slug)).toEqual(['week1/ok-2']);
    expect(errors).toEqual([
      { slug: 'week1/My Lesson', message: expect.stringContaining('lowercase letters, digits') },
    ]);
  });

  it('reports notebooks that do not parse and keeps the others', () => {
    const { lessons, errors } = buildCourse([
      { slug: 'good', text: readFixture('full-lesson.md') },
      { slug: 'bad', text: readFixture('week-one.md') },
    ]);
    expect(lessons.map((entry) => entry.slug)).toEqual(['good']);
    expect(errors).toEqual([
      {
        slug: 'bad',
        message: 'front matter: "week" must be a whole number >= 1, got "one" (line 3)',
        line: 3,
      },
    ]);
  });
});

describe('groupByWeek', () => {
  it('groups lessons into ascending weeks, in course order', () => {
    const { lessons } = buildCourse([
      { slug: 'c', text: lesson('C', 3, 0) },
      { slug: 'a2', text: lesson('A2', 1, 1) },
      { slug: 'a1', text: lesson('A1', 1, 0) },
    ]);
    const course = groupByWeek([...lessons].reverse());
    expect(course.weeks.map((week) => [week.week, week.lessons.map((l) => l.slug)])).toEqual([
      [1, ['a1', 'a2']],
      [3, ['c']],
    ]);
  });
});
