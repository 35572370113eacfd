/**
 * What the UI knows about one code cell's latest run. Kept apart from the session so the
 * pure helpers (outputs, staleness) and the components can share it without importing
 * the session itself.
 */
import type { CellOutput } from '../../notebook/outputs';

export type CellStatus = 'idle' | 'queued' | 'running' | 'ok' | 'error' | 'stale' | 'interrupted';

export interface CellRun {
  status: CellStatus;
  outputs: CellOutput[];
  /** Wall time of the last run, as measured by the kernel. */
  ms?: number;
  /** Jupyter-like execution count `[n]`, given when the run starts. */
  count?: number;
  /** The code of the latest run (a check first re-runs an exercise whose code changed). */
  code?: string;
  /** Top-level names the last run declared. */
  defines: string[];
  /** Free names the last run referenced. */
  uses: string[];
  /** Live tfjs tensors in the kernel after the last run (when tfjs is loaded). */
  tensors?: number;
  /** How many more tensors were alive after the last run than before it (a leak?). */
  tensorsLeft?: number;
  /** When stale: the names this cell uses that a later run redefined. */
  staleBecause?: string[];
}

/**
 * The lesson's scratch cell (ScratchCell.svelte) runs under this id, which no lesson cell
 * can have (`~`). It shares the kernel but is no part of the lesson: never re-run.
 */
export const SCRATCH_CELL_ID = '~scratch';

export function emptyCellRun(): CellRun {
  return { status: 'idle', outputs: [], defines: [], uses: [] };
}

/**
 * Cells whose successful run a fresh kernel has lost, in the order they last ran. The
 * cell being stopped, and the scratch cell, are left out.
 */
export function cellsThatRan(cells: Readonly<Record<string, CellRun>>, except?: string): string[] {
  return Object.entries(cells)
    .filter(([id, cell]) => id !== except && id !== SCRATCH_CELL_ID && cell.count !== undefined)
    .filter(([, cell]) => cell.status === 'ok' || cell.status === 'stale')
    .sort(([, a], [, b]) => (a.count ?? 0) - (b.count ?? 0))
    .map(([id]) => id);
}

/** Where the page shows the cells: what "above" means, and which cells are cleanup. */
export interface CellLayout {
  /** Runnable cells in page order. */
  order: readonly string[];
  /** Cells that free what the lesson made: never re-run for the learner. */
  cleanup: ReadonlySet<string>;
}

/**
 * What "Re-run cells above" runs after the kernel was replaced: the cells above the one
 * that was running (all of them when none was) that had run, in page order, cleanup
 * left out. Without a layout (the headless runner), the cells that ran, as they ran.
 */
export function cellsToRerun(
  cells: Readonly<Record<string, CellRun>>,
  running: string | undefined,
  layout: CellLayout | undefined,
): string[] {
  const ran = cellsThatRan(cells, running);
  if (!layout) return ran;
  const lost = new Set(ran);
  const at = running === undefined ? -1 : layout.order.indexOf(running);
  const above = at < 0 ? layout.order : layout.order.slice(0, at);
  return above.filter((id) => lost.has(id) && !layout.cleanup.has(id));
}
