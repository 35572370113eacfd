/**
 * Running a check grades the exercise as it is in its editor now. When the exercise's
 * code changed since its last run (or it never ran, failed or went stale), it runs first;
 * if that run fails, the check does not run and says so instead of grading old state.
 */
import type { CellRun } from '../session/cell-run';
import type { CheckRun } from '../session/session-state';

/** The error a check shows when its exercise's own run failed. */
export const EXERCISE_FAILED = 'ExerciseFailed';
export const EXERCISE_FAILED_TEXT = 'Your exercise cell failed — fix it first';

/** The session calls a check needs (SessionEngine provides them). */
export interface CheckSession {
  cell(cellId: string): CellRun;
  run(cellId: string, code: string): Promise<boolean>;
}

/** True when the kernel holds the result of exactly this code, still current. */
export function exerciseIsCurrent(run: CellRun | undefined, code: string): boolean {
  return run?.status === 'ok' && run.code === code;
}

export async function runCheck(session: CheckSession, { exercise, check }: CheckRun) {
  if (!exerciseIsCurrent(session.cell(exercise.id), exercise.code)) {
    const checkCell = session.cell(check.id);
    const before = checkCell.status;
    checkCell.status = 'queued';
    const ok = await session.run(exercise.id, exercise.code);
    if (!ok) {
      const after = session.cell(exercise.id).status;
      // Stopped or cancelled: nothing was graded and nothing failed.
      if (after !== 'error') {
        checkCell.status = before;
        return false;
      }
      checkCell.status = 'error';
      checkCell.count = undefined;
      checkCell.outputs = [
        { type: 'error', ename: EXERCISE_FAILED, message: EXERCISE_FAILED_TEXT },
      ];
      return false;
    }
  }
  return session.run(check.id, check.code);
}
