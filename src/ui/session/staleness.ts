/**
 * Which cells a run made stale. Pure so that it can be unit-tested and reasoned about on
 * its own: the session only applies the verdict.
 *
 * Rule (Jupyter users expect it, marimo enforces a stronger form): when cell A finishes,
 * every *other* cell that ran before A and uses a name A defines now shows results computed
 * from an old value of that name.
 */
import type { CellStatus } from './cell-run';

export interface StalenessInput {
  status: CellStatus;
  count?: number;
  uses: string[];
  staleBecause?: string[];
}

/** Statuses of cells whose outputs came from a completed run (so they can go stale). */
const RAN: ReadonlySet<CellStatus> = new Set(['ok', 'error', 'stale', 'interrupted']);

/**
 * Returns, for each cell made stale by `finishedId`, the names it uses that changed
 * (merged with the names that had already made it stale).
 */
export function findStaleCells(
  finishedId: string,
  defines: readonly string[],
  cells: Readonly<Record<string, StalenessInput>>,
): Record<string, string[]> {
  const finished = cells[finishedId];
  const finishedCount = finished?.count ?? Number.POSITIVE_INFINITY;
  const changed = new Set(defines);
  const verdict: Record<string, string[]> = {};
  if (changed.size === 0) return verdict;
  for (const [id, cell] of Object.entries(cells)) {
    if (id === finishedId || !RAN.has(cell.status)) continue;
    if (cell.count === undefined || cell.count >= finishedCount) continue;
    const hit = cell.uses.filter((name) => changed.has(name));
    if (hit.length === 0) continue;
    const previous = cell.status === 'stale' ? (cell.staleBecause ?? []) : [];
    verdict[id] = [...new Set([...previous, ...hit])];
  }
  return verdict;
}
