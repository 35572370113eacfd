/**
 * What a link with edits offers, cell by cell, and what "Apply" then does. The rule: a
 * link never silently replaces code the learner wrote. A cell still holding the lesson's
 * own code takes the link's code by default; a cell the learner edited keeps the
 * learner's code unless they choose the link's for that cell.
 */
import type { CellChanges } from '../../notebook/edits-link';

export interface OfferedCell {
  cellId: string;
  /** The code in the learner's editor now. */
  current: string;
  /** The link's code for the cell. */
  incoming: string;
  /** The learner changed this cell (their code differs from the lesson's). */
  ownEdit: boolean;
}

/** The cells a link would change (already filtered to cells that differ), in link order. */
export function offeredCells(
  changes: CellChanges,
  current: Readonly<Record<string, string>>,
  originals: Readonly<Record<string, string>>,
): OfferedCell[] {
  return Object.entries(changes).map(([cellId, incoming]) => ({
    cellId,
    current: current[cellId],
    incoming,
    ownEdit: Object.hasOwn(originals, cellId) && current[cellId] !== originals[cellId],
  }));
}

/** The learner's choice per cell: true takes the link's code. */
export type LinkChoices = Record<string, boolean>;

export function defaultChoices(cells: readonly OfferedCell[]): LinkChoices {
  return Object.fromEntries(cells.map((cell) => [cell.cellId, !cell.ownEdit]));
}

/** What Apply saves, and which cells keep the learner's code. */
export function chosenChanges(
  cells: readonly OfferedCell[],
  choices: LinkChoices,
): { apply: CellChanges; kept: string[] } {
  const apply: CellChanges = {};
  const kept: string[] = [];
  for (const cell of cells) {
    if (choices[cell.cellId] ?? !cell.ownEdit) apply[cell.cellId] = cell.incoming;
    else kept.push(cell.cellId);
  }
  return { apply, kept };
}
