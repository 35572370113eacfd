/**
 * Where one notebook's edits are kept, behind one interface, so the page keeps every
 * notebook's edits the same way (journal, per-cell saves, other-tab notices; see
 * ui/session/lesson-edits.svelte.ts): a shipped lesson's in the `playgrad` database
 * (edits.ts), an imported notebook's in its record in `playgrad-imports` (imports.ts).
 */
import { loadEdits, resetLesson, saveEdit } from './edits';
import { loadNotebookEdits, saveNotebookEdit, saveNotebookEdits } from './imports';

export interface EditBackend {
  /**
   * Names the notebook in the localStorage journal and to other tabs: a lesson's slug
   * (`week1/gradient-descent`), or `imports/<id>` (no lesson slug starts with `imports/`).
   */
  readonly key: string;
  /** Cell id → the learner's stored code, for the cells that differ from the original. */
  load(): Promise<Record<string, string>>;
  /** Stores one cell's code, or forgets it when it equals the original. */
  save(cellId: string, source: string, original: string): Promise<void>;
  /** Forgets every stored edit (also of cells the notebook no longer has). */
  resetAll(): Promise<void>;
}

export function lessonEditBackend(slug: string): EditBackend {
  return {
    key: slug,
    async load() {
      const records = await loadEdits(slug);
      return Object.fromEntries(Object.values(records).map((r) => [r.cellId, r.source]));
    },
    save: (cellId, source, original) => saveEdit(slug, cellId, source, original),
    resetAll: () => resetLesson(slug),
  };
}

export function importedEditBackend(id: string): EditBackend {
  return {
    key: `imports/${id}`,
    load: () => loadNotebookEdits(id),
    save: (cellId, source, original) => saveNotebookEdit(id, cellId, source, original),
    resetAll: () => saveNotebookEdits(id, {}),
  };
}
