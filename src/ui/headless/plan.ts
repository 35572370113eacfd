/**
 * Which code a headless run executes for each cell: the run a learner who solved every
 * exercise would make. An exercise runs with its solution substituted; the solution
 * cell itself is skipped; shown-only fences (```python) and hints (```md {hint …}) are
 * not cells of the run. Cleanup cells run last, whatever their place, so the run still
 * ends by freeing everything (and the lesson's own leak assertions still run).
 */
import { lessonModel } from '../../notebook/lesson';
import type { CodeCell, Notebook } from '../../notebook/types';

export interface PlannedCell {
  cell: CodeCell;
  /** 1-based position among runnable cells. */
  index: number;
  /** The code to run, or undefined when the cell is skipped. */
  code: string | undefined;
}

export function planRun(notebook: Notebook): PlannedCell[] {
  const lesson = lessonModel(notebook.cells);
  const codeCells = notebook.cells.filter(
    (cell): cell is CodeCell =>
      cell.kind === 'code' && cell.role !== 'static' && cell.role !== 'hint',
  );
  const planned = codeCells.map((cell, i) => ({
    cell,
    index: i + 1,
    code:
      cell.role === 'solution'
        ? undefined
        : cell.role === 'exercise'
          ? (lesson.exercise(cell.id)?.solution?.source ?? cell.source)
          : cell.source,
  }));
  const isCleanup = (p: PlannedCell): boolean => lesson.cleanup.has(p.cell.id);
  return [...planned.filter((p) => !isCleanup(p)), ...planned.filter(isCleanup)];
}
