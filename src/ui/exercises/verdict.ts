/**
 * What a check cell's run says about an exercise, in words, and when an exercise counts
 * as solved. Pure: the lesson page and the progress store share these rules.
 */
import type { CellRun } from '../session/cell-run';
import { EXERCISE_FAILED, EXERCISE_FAILED_TEXT } from './check-run';

export type Verdict =
  | { kind: 'correct'; text: string }
  | { kind: 'not-yet'; text: string }
  /** The exercise's own run failed, so nothing was graded. */
  | { kind: 'exercise-failed'; text: string };

/** The verdict of a finished check run; undefined while it has not run, runs or is stale. */
export function checkVerdict(run: CellRun | undefined): Verdict | undefined {
  if (run?.status === 'ok') return { kind: 'correct', text: 'Correct — well done' };
  if (run?.status !== 'error') return undefined;
  const error = run.outputs.find((output) => output.type === 'error');
  if (error?.type === 'error' && error.ename === EXERCISE_FAILED) {
    return { kind: 'exercise-failed', text: EXERCISE_FAILED_TEXT };
  }
  const message = error?.type === 'error' ? error.message.trim() : '';
  return { kind: 'not-yet', text: message ? `Not yet: ${message}` : 'Not yet: the check failed.' };
}

/**
 * Solved: the check passed, and it ran after the exercise's latest run (so it checked the
 * learner's current exercise, not an earlier state of the kernel).
 */
export function isSolved(exercise: CellRun | undefined, check: CellRun | undefined): boolean {
  if (check?.status !== 'ok' || check.count === undefined) return false;
  if (exercise?.count === undefined) return false;
  if (exercise.status !== 'ok' && exercise.status !== 'stale') return false;
  return check.count > exercise.count;
}
