/**
 * What the lesson page shows, in order, derived from a parsed notebook: prose, runnable
 * cells, shown-only code, and each exercise with its (hidden) solution and hints attached,
 * so they appear under their exercise wherever the author wrote them.
 */
import {
  RUNNABLE_LANGS,
  type CodeCell,
  type MarkdownCell,
  type Notebook,
} from '../../notebook/types';

export type LessonItem =
  | { kind: 'markdown'; cell: MarkdownCell }
  | { kind: 'code'; cell: CodeCell; solution?: CodeCell; hints?: CodeCell[] }
  /** Shown, never run: other languages (```python) and unknown fences. */
  | { kind: 'static'; cell: CodeCell };

export function isRunnable(cell: CodeCell): boolean {
  const runnableLang = (RUNNABLE_LANGS as readonly string[]).includes(cell.lang);
  return runnableLang && cell.role !== 'static' && cell.role !== 'solution';
}

export function lessonItems(notebook: Notebook): LessonItem[] {
  const solutions = new Map<string, CodeCell>();
  const hints = new Map<string, CodeCell[]>();
  for (const cell of notebook.cells) {
    if (cell.kind !== 'code' || !cell.for) continue;
    if (cell.role === 'solution') solutions.set(cell.for, cell);
    if (cell.role === 'hint') hints.set(cell.for, [...(hints.get(cell.for) ?? []), cell]);
  }
  const exerciseIds = new Set(
    notebook.cells.flatMap((c) => (c.kind === 'code' && c.role === 'exercise' ? [c.id] : [])),
  );
  const items: LessonItem[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind === 'markdown') {
      if (cell.source.trim() !== '') items.push({ kind: 'markdown', cell });
    } else if (cell.role === 'hint' && cell.for && exerciseIds.has(cell.for)) {
      // Shown under its exercise, one at a time, on request.
    } else if (cell.role === 'solution' && cell.for && solutions.get(cell.for) === cell) {
      // Shown under its exercise instead (an orphan solution stays where it is, as code).
      const hasExercise = notebook.cells.some((c) => c.kind === 'code' && c.id === cell.for);
      if (!hasExercise) items.push({ kind: 'static', cell });
    } else if (isRunnable(cell)) {
      const item: LessonItem = { kind: 'code', cell };
      if (cell.role === 'exercise') {
        const solution = solutions.get(cell.id);
        const own = hints.get(cell.id);
        if (solution) item.solution = solution;
        if (own) item.hints = own;
      }
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
