/**
 * Which code a headless run executes for each cell: the run a learner who solved every
 * exercise would make. An exercise runs with its solution substituted; the solution
 * cell itself is skipped; shown-only fences (```python) and hints (```md {hint …}) are
 * not cells of the run.
 */
import type { CodeCell, Notebook } from '../../notebook/types';

export interface PlannedCell {
  cell: CodeCell;
  /** 1-based position among runnable cells. */
  index: number;
  /** The code to run, or undefined when the cell is skipped. */
  code: string | undefined;
}

export function planRun(notebook: Notebook): PlannedCell[] {
  const codeCells = notebook.cells.filter(
    (cell): cell is CodeCell =>
      cell.kind === 'code' && cell.role !== 'static' && cell.role !== 'hint',
  );
  const solutions = new Map<string, string>();
  for (const cell of codeCells) {
    if (cell.role === 'solution' && cell.for) solutions.set(cell.for, cell.source);
  }
  return codeCells.map((cell, i) => ({
    cell,
    index: i + 1,
    code:
      cell.role === 'solution'
        ? undefined
        : cell.role === 'exercise'
          ? (solutions.get(cell.id) ?? cell.source)
          : cell.source,
  }));
}
