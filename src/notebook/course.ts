/**
 * The course index: every lesson's front matter (and its exercise ids), in the order a learner takes them
 * (week, then order within the week, then slug so that ties are stable).
 */
import { lessonModel } from './lesson';
import { parse } from './parse';
import { isLessonSlug, LESSON_SLUG_RULE } from './slug';
import { NotebookError, type LessonEntry } from './types';

export interface CourseError {
  slug: string;
  /** The parser's message, which names the line. */
  message: string;
  /** 1-based line in the notebook file, when the problem has one. */
  line?: number;
}

export interface Course {
  weeks: { week: number; lessons: LessonEntry[] }[];
}

/** Parses every notebook; a notebook that fails is reported, and the others still load. */
export function buildCourse(entries: { slug: string; text: string }[]): {
  lessons: LessonEntry[];
  errors: CourseError[];
} {
  const lessons: LessonEntry[] = [];
  const errors: CourseError[] = [];
  for (const { slug, text } of entries) {
    if (!isLessonSlug(slug)) {
      errors.push({ slug, message: LESSON_SLUG_RULE });
      continue;
    }
    try {
      const { frontMatter, cells } = parse(text);
      const exercises = lessonModel(cells).exercises.map((exercise) => exercise.id);
      lessons.push(exercises.length > 0 ? { slug, frontMatter, exercises } : { slug, frontMatter });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push(
        error instanceof NotebookError ? { slug, message, line: error.line } : { slug, message },
      );
    }
  }
  lessons.sort(compareLessons);
  return { lessons, errors };
}

export function compareLessons(a: LessonEntry, b: LessonEntry): number {
  return (
    a.frontMatter.week - b.frontMatter.week ||
    a.frontMatter.order - b.frontMatter.order ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}

/** Lessons grouped by week, weeks ascending, each week's lessons in course order. */
export function groupByWeek(lessons: LessonEntry[]): Course {
  const weeks = new Map<number, LessonEntry[]>();
  for (const lesson of [...lessons].sort(compareLessons)) {
    const week = weeks.get(lesson.frontMatter.week) ?? [];
    week.push(lesson);
    weeks.set(lesson.frontMatter.week, week);
  }
  return { weeks: [...weeks].map(([week, entries]) => ({ week, lessons: entries })) };
}
