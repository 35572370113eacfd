/**
 * What the lesson page shows, in order, derived from a parsed notebook: prose, runnable
 * cells, shown-only code, and each exercise with its (hidden) solution attached, so the
 * solution appears under its exercise wherever the author wrote it.
 */
import {
  RUNNABLE_LANGS,
  type CodeCell,
  type MarkdownCell,
  type Notebook,
} from '../../notebook/types';

export type LessonItem =
  | { kind: 'markdown'; cell: MarkdownCell }
  | { kind: 'code'; cell: CodeCell; solution?: CodeCell }
  /** Shown, never run: other languages (```python) and unknown fences. */
  | { kind: 'static'; cell: CodeCell };

export function isRunnable(cell: CodeCell): boolean {
  const runnableLang = (RUNNABLE_LANGS as readonly string[]).includes(cell.lang);
  return runnableLang && cell.role !== 'static' && cell.role !== 'solution';
}

export function lessonItems(notebook: Notebook): LessonItem[] {
  const solutions = new Map<string, CodeCell>();
  for (const cell of notebook.cells) {
    if (cell.kind === 'code' && cell.role === 'solution' && cell.for) solutions.set(cell.for, cell);
  }
  const items: LessonItem[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind === 'markdown') {
      if (cell.source.trim() !== '') items.push({ kind: 'markdown', cell });
    } else if (cell.role === 'solution' && cell.for && solutions.get(cell.for) === cell) {
      // Shown under its exercise instead (an orphan solution stays where it is, as code).
      const hasExercise = notebook.cells.some((c) => c.kind === 'code' && c.id === cell.for);
      if (!hasExercise) items.push({ kind: 'static', cell });
    } else if (isRunnable(cell)) {
      const solution = cell.role === 'exercise' ? solutions.get(cell.id) : undefined;
      items.push(solution ? { kind: 'code', cell, solution } : { kind: 'code', cell });
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
