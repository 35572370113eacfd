/**
 * Which cells "Run stale (N)" runs again. Rule (marimo's "stale", which Jupyter lacks):
 * a cell that ran in this kernel and whose results are out of date — marked stale (a name
 * it uses was redefined since: staleness.ts), or edited since it ran (the code in its
 * editor is not the code that ran). In page order; cleanup cells are left out, as Run
 * all leaves them out.
 */
import type { CellRun } from './cell-run';

type RunFacts = Pick<CellRun, 'status' | 'code'>;

/** Statuses of a cell whose outputs came from a finished run in this kernel. */
const RAN: ReadonlySet<CellRun['status']> = new Set(['ok', 'error', 'stale']);

export function staleCells(
  order: readonly string[],
  cells: Readonly<Record<string, RunFacts>>,
  codeOf: (id: string) => string,
  cleanup: ReadonlySet<string> = new Set(),
): string[] {
  return order.filter((id) => {
    const run = cells[id];
    if (!run || cleanup.has(id) || !RAN.has(run.status)) return false;
    return run.status === 'stale' || (run.code !== undefined && run.code !== codeOf(id));
  });
}
