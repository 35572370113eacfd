/**
 * Which cells ran on an unfinished exercise: when its check failed, the cells below the
 * check that ran after it and use a name the exercise defines. Run all goes on past a
 * failing check (the rest of the lesson still shows), so the page names these cells
 * at the check instead of leaving their odd results unexplained.
 */
import type { CellRun } from '../session/cell-run';

export function cellsOnUnfinishedExercise(
  order: readonly string[],
  runs: Readonly<Record<string, CellRun | undefined>>,
  exerciseId: string,
  checkId: string,
): string[] {
  const check = runs[checkId];
  const defined = new Set(runs[exerciseId]?.defines ?? []);
  if (check?.status !== 'error' || check.count === undefined || defined.size === 0) return [];
  const after = order.indexOf(checkId);
  return order.slice(after + 1).filter((id) => {
    const run = runs[id];
    if (run?.count === undefined || run.count < (check.count ?? 0)) return false;
    return run.uses.some((name) => defined.has(name));
  });
}
