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
  /**
   * Exercises whose solution was revealed before they were solved: once solved, they
   * count as "solved with the solution", not as solved. Absent in older records.
   */
  revealed?: string[];
}

/** The record after opening the lesson at `now`: solved exercises are kept. */
export function withVisit(
  record: LessonProgress | undefined,
  slug: string,
  now: number,
): LessonProgress {
  return { ...record, slug, visitedAt: now, solved: record?.solved ?? [] };
}

/**
 * The record after revealing the solution of `exerciseId`. An exercise already solved
 * on one's own stays solved on one's own: looking at the solution afterwards is fine.
 */
export function withRevealed(
  record: LessonProgress | undefined,
  slug: string,
  exerciseId: string,
  now: number,
): LessonProgress {
  const solved = record?.solved ?? [];
  const revealed = record?.revealed ?? [];
  const add = !solved.includes(exerciseId) && !revealed.includes(exerciseId);
  return {
    slug,
    visitedAt: record?.visitedAt ?? now,
    solved,
    revealed: add ? [...revealed, exerciseId] : revealed,
  };
}

/** How an exercise stands: solved alone, solved with the revealed solution, or not yet. */
export type ExerciseStanding = 'solved' | 'revealed' | 'open';

export function standing(record: LessonProgress | undefined, exerciseId: string): ExerciseStanding {
  if (!record?.solved.includes(exerciseId)) return 'open';
  return record.revealed?.includes(exerciseId) ? 'revealed' : 'solved';
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
    ...record,
    slug,
    visitedAt: record?.visitedAt ?? now,
    solved: solved.includes(exerciseId) ? solved : [...solved, exerciseId],
  };
}

export interface ProgressSummary {
  visited: boolean;
  /** Solved without revealing the solution. */
  solved: number;
  /** Solved after revealing the solution. */
  withSolution: number;
  total: number;
  /**
   * "2 of 3 exercises solved", "1 of 3 exercises solved, 1 with the solution", or
   * undefined for a lesson without exercises.
   */
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
  const solved = exercises.filter((id) => standing(record, id) === 'solved').length;
  const withSolution = exercises.filter((id) => standing(record, id) === 'revealed').length;
  const total = exercises.length;
  const noun = total === 1 ? 'exercise' : 'exercises';
  const revealed = withSolution > 0 ? `, ${withSolution} with the solution` : '';
  return {
    visited: record !== undefined,
    solved,
    withSolution,
    total,
    text: total === 0 ? undefined : `${solved} of ${total} ${noun} solved${revealed}`,
  };
}
