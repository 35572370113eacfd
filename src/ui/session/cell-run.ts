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

export function emptyCellRun(): CellRun {
  return { status: 'idle', outputs: [], defines: [], uses: [] };
}

/**
 * Cells whose successful run a fresh kernel has lost, in the order they last ran: what
 * "Re-run cells above" runs again. The cell being stopped is left out.
 */
export function cellsThatRan(cells: Readonly<Record<string, CellRun>>, except?: string): string[] {
  return Object.entries(cells)
    .filter(([id, cell]) => id !== except && cell.count !== undefined)
    .filter(([, cell]) => cell.status === 'ok' || cell.status === 'stale')
    .sort(([, a], [, b]) => (a.count ?? 0) - (b.count ?? 0))
    .map(([id]) => id);
}
