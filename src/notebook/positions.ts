/**
 * The ids of cells written without `{id=…}`: their position among cells of their kind.
 */
import type { CodeCell } from './types';

/**
 * Numbers code cells the way `parse` names them: hints `hint-1`, `hint-2`, … among hints,
 * every other fence `cell-1`, `cell-2`, … among those (so adding hints to a lesson does
 * not rename its other cells, whose ids key the learner's saved edits).
 */
export function positionCounter(): (cell: CodeCell) => number {
  let code = 0;
  let hints = 0;
  return (cell) => (cell.role === 'hint' ? ++hints : ++code);
}

/** The id `parse` gives a cell written without `{id=…}` at this position. */
export function positionalId(cell: Pick<CodeCell, 'role'>, index: number): string {
  return cell.role === 'hint' ? `hint-${index}` : `cell-${index}`;
}
