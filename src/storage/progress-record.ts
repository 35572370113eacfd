/**
 * A learner's progress through one lesson, as plain data: whether it was opened, and
 * which exercises were solved (their check passed after the exercise ran). Pure, so the
 * rules are tested without a browser; `progress.ts` keeps the records in IndexedDB.
 */

export interface LessonProgress {
  slug: string;
  /** When the lesson was last opened (ms since 1970). */
  visitedAt: number;
  /** Ids of the exercises solved, in the order they were first solved. */
  solved: string[];
}

/** The record after opening the lesson at `now`: solved exercises are kept. */
export function withVisit(
  record: LessonProgress | undefined,
  slug: string,
  now: number,
): LessonProgress {
  return { slug, visitedAt: now, solved: record?.solved ?? [] };
}

/**
 * The record after solving `exerciseId`. A solved exercise stays solved: trying it again
 * (and getting it wrong on the way) does not take the credit back.
 */
export function withSolved(
  record: LessonProgress | undefined,
  slug: string,
  exerciseId: string,
  now: number,
): LessonProgress {
  const solved = record?.solved ?? [];
  return {
    slug,
    visitedAt: record?.visitedAt ?? now,
    solved: solved.includes(exerciseId) ? solved : [...solved, exerciseId],
  };
}

export interface ProgressSummary {
  visited: boolean;
  solved: number;
  total: number;
  /** "2 of 3 exercises solved", or undefined for a lesson without exercises. */
  text: string | undefined;
}

/**
 * What the course index says about a lesson. Only exercises the lesson still has count:
 * an exercise the author removed or renamed since does not inflate the number.
 */
export function summarize(
  exercises: readonly string[],
  record: LessonProgress | undefined,
): ProgressSummary {
  const solved = exercises.filter((id) => record?.solved.includes(id)).length;
  const total = exercises.length;
  const noun = total === 1 ? 'exercise' : 'exercises';
  return {
    visited: record !== undefined,
    solved,
    total,
    text: total === 0 ? undefined : `${solved} of ${total} ${noun} solved`,
  };
}
