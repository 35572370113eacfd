/**
 * What the lesson page shows, in order, derived from a parsed notebook: prose, runnable
 * cells, shown-only code, and each exercise with its (hidden) solution and hints attached,
 * so they appear under their exercise wherever the author wrote them.
 */
import { lessonModel, runsInKernel } from '../../notebook/lesson';
import type { CodeCell, MarkdownCell, Notebook } from '../../notebook/types';

export type LessonItem =
  | { kind: 'markdown'; cell: MarkdownCell }
  | { kind: 'code'; cell: CodeCell; solution?: CodeCell; hints?: CodeCell[] }
  /** Shown, never run: other languages (```python) and unknown fences. */
  | { kind: 'static'; cell: CodeCell };

export function lessonItems(notebook: Notebook): LessonItem[] {
  const lesson = lessonModel(notebook.cells);
  const items: LessonItem[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind === 'markdown') {
      if (cell.source.trim() !== '') items.push({ kind: 'markdown', cell });
      continue;
    }
    const owner = lesson.exerciseOf(cell);
    if (owner && (cell === owner.solution || owner.hints.includes(cell))) {
      // Shown under its exercise instead (hints one at a time, on request).
    } else if (runsInKernel(cell)) {
      const item: LessonItem = { kind: 'code', cell };
      const exercise = cell.role === 'exercise' ? lesson.exercise(cell.id) : undefined;
      if (exercise?.solution) item.solution = exercise.solution;
      if (exercise && exercise.hints.length > 0) item.hints = exercise.hints;
      items.push(item);
    } else {
      items.push({ kind: 'static', cell });
    }
  }
  return items;
}

/** Runnable cells in page order (what Run all runs). */
export function runnableCells(items: readonly LessonItem[]): CodeCell[] {
  return items.flatMap((item) => (item.kind === 'code' ? [item.cell] : []));
}

const TITLE_LINE = /^# \S.*$/m;

/**
 * Splits prose after its `# Title` line, so the page can show the lesson's facts and
 * objectives right under the title. An ATX heading is one line, so both halves render
 * exactly as the whole would.
 */
export function splitAfterTitle(source: string): { head: string; rest: string } | undefined {
  const match = TITLE_LINE.exec(source);
  if (!match) return undefined;
  const end = match.index + match[0].length;
  return { head: source.slice(0, end), rest: source.slice(end) };
}
