/**
 * Which cells re-run when a widget changes. Pure, so the rule is tested on its own.
 *
 * Rule: the cells that use a name the widget's cell defines, and then (transitively) the
 * cells that use what those define, in notebook order, so a threshold slider refreshes
 * the predictions and the confusion matrix drawn from them. The widget's own cell is
 * left out: re-running it would make a new widget with its starting value. Only cells
 * that have run count: a cell the learner has not reached yet stays as it is.
 */
import type { CellStatus } from './cell-run';

export interface DependentInput {
  status: CellStatus;
  count?: number;
  defines: readonly string[];
  uses: readonly string[];
}

const RAN: ReadonlySet<CellStatus> = new Set(['ok', 'error', 'stale', 'interrupted']);

export function dependentCells(
  widgetCellIds: readonly string[],
  cells: Readonly<Record<string, DependentInput>>,
  order: readonly string[],
): string[] {
  const sources = new Set(widgetCellIds);
  const changed = new Set(widgetCellIds.flatMap((id) => cells[id]?.defines ?? []));
  const result: string[] = [];
  for (const id of order) {
    const cell = cells[id];
    if (sources.has(id) || !cell || cell.count === undefined || !RAN.has(cell.status)) continue;
    if (!cell.uses.some((name) => changed.has(name))) continue;
    result.push(id);
    for (const name of cell.defines) changed.add(name);
  }
  return result;
}
