/**
 * Pure rules for moving a learner's code between a lesson and a file or link: which
 * cells differ, which shipped lesson an imported notebook is, and what importing it
 * into that lesson would change.
 */
import type { CellChanges } from './edits-link';
import type { CellRole, LessonEntry, Notebook } from './types';

/**
 * The code a cell id holds in a record of code by cell id, or undefined. Own properties
 * only: a cell named `constructor` or `toString` is not one every record has.
 */
function codeOf(code: Readonly<Record<string, string>>, cellId: string): string | undefined {
  return Object.hasOwn(code, cellId) ? code[cellId] : undefined;
}

/**
 * Roles of cells a learner never edits: an import that carries them (the lesson's own
 * solutions, hints, shown-never-run fences) is not reported as having cells the lesson lacks.
 */
const NOT_EDITABLE: ReadonlySet<CellRole> = new Set(['solution', 'hint', 'static']);

/** The cells whose code differs from the shipped code. */
export function changedCells(
  code: Readonly<Record<string, string>>,
  originals: Readonly<Record<string, string>>,
): CellChanges {
  const changes: CellChanges = {};
  for (const [cellId, original] of Object.entries(originals)) {
    const current = codeOf(code, cellId);
    if (current !== undefined && current !== original) changes[cellId] = current;
  }
  return changes;
}

/** The notebook with each code cell's source replaced by the learner's code. */
export function withCode(nb: Notebook, code: Readonly<Record<string, string>>): Notebook {
  return {
    ...nb,
    cells: nb.cells.map((cell) => {
      const source = cell.kind === 'code' ? codeOf(code, cell.id) : undefined;
      return source !== undefined ? { ...cell, source } : cell;
    }),
  };
}

/**
 * Which shipped lesson an imported notebook is. The rule, in order:
 * 1. a `.ipynb` Playgrad exported names its lesson in `metadata.playgrad.slug`;
 * 2. otherwise the front matter's title equals exactly one lesson's title (trimmed,
 *    case-insensitive) — a `.md` export keeps the lesson's front matter as shipped.
 * No match (or two lessons with that title): the import becomes a notebook of its own.
 */
export function matchLesson(
  imported: { notebook: Notebook; slug?: string },
  lessons: readonly LessonEntry[],
): LessonEntry | undefined {
  if (imported.slug !== undefined) {
    const bySlug = lessons.find((lesson) => lesson.slug === imported.slug);
    if (bySlug) return bySlug;
  }
  const title = normaliseTitle(imported.notebook.frontMatter.title);
  const byTitle = lessons.filter((lesson) => normaliseTitle(lesson.frontMatter.title) === title);
  return byTitle.length === 1 ? byTitle[0] : undefined;
}

function normaliseTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface LessonImportPlan {
  /** Cell id → imported code, for the cells whose code would change. */
  changes: CellChanges;
  /** Code cells of the import that the lesson does not have (ignored). */
  unknown: string[];
}

/**
 * What importing a notebook into a lesson changes, cell by cell (matched by id): cells
 * whose imported code differs from the code the learner has now. Cells missing from the
 * import keep the learner's code.
 */
export function planLessonImport(
  imported: Notebook,
  current: Readonly<Record<string, string>>,
): LessonImportPlan {
  const changes: CellChanges = {};
  const unknown: string[] = [];
  for (const cell of imported.cells) {
    if (cell.kind !== 'code') continue;
    const now = codeOf(current, cell.id);
    if (now === undefined) {
      if (!NOT_EDITABLE.has(cell.role)) unknown.push(cell.id);
    } else if (now !== cell.source) {
      changes[cell.id] = cell.source;
    }
  }
  return { changes, unknown };
}

/** Cells of a link's changes that the lesson has and whose code would change. */
export function linkChangesToApply(
  changes: CellChanges,
  current: Readonly<Record<string, string>>,
): CellChanges {
  const apply: CellChanges = {};
  for (const [cellId, source] of Object.entries(changes)) {
    const now = codeOf(current, cellId);
    if (now !== undefined && now !== source) apply[cellId] = source;
  }
  return apply;
}
