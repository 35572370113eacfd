/**
 * The learner's code on a lesson page: what each editor holds, kept in IndexedDB (a
 * debounced autosave, and a synchronous journal for the moments a save cannot finish),
 * and in step with other tabs on the same lesson.
 *
 * Resets go through the same saves as edits: saving a cell's original deletes its stored
 * edit, queued after any save still in flight, so a reload cannot bring a reset edit back.
 */
import type { CodeCell } from '../../notebook/types';
import { createAutosaver, type Autosaver } from '../../storage/autosave';
import { applyEdits } from '../../storage/edit-record';
import {
  loadEdits,
  resetLesson,
  saveEdit,
  type LessonEdits as StoredEdits,
} from '../../storage/edits';
import { clearJournal, journalEdit, readJournal, settleJournal } from '../../storage/journal';
import { OtherTabs } from '../notices/other-tabs.svelte';

export class LessonEdits {
  /** The code in each editor, by cell id (a cell not here shows its original). */
  code = $state<Record<string, string>>({});
  /** Why the last save or load failed, until a save works again. */
  storageError = $state<string | undefined>();
  /** Another tab saving this lesson asks before anything here changes. */
  readonly otherTabs: OtherTabs;
  private readonly autosaver: Autosaver;

  /** @param originals the shipped code of each runnable cell, by id */
  constructor(
    private readonly slug: string,
    private readonly originals: () => Record<string, string>,
  ) {
    this.autosaver = createAutosaver(
      async (cellId, source) => {
        await saveEdit(slug, cellId, source, this.originals()[cellId] ?? source);
        settleJournal(slug, cellId, source);
        this.otherTabs.announceSaved(cellId, source);
      },
      // A failed save stays pending (and journalled); a later save that works clears it.
      { onError: this.reportStorage, onAllSaved: () => (this.storageError = undefined) },
    );
    this.otherTabs = new OtherTabs(slug, {
      current: (cellId) => {
        // Own properties only: a cell id such as `constructor` is not on every record.
        const originals = this.originals();
        if (!Object.hasOwn(originals, cellId)) return undefined;
        return Object.hasOwn(this.code, cellId) ? this.code[cellId] : originals[cellId];
      },
      apply: (cellId, source) => this.edit(cellId, source),
    });
  }

  readonly reportStorage = (error: unknown): void => {
    this.storageError = error instanceof Error ? error.message : String(error);
  };

  /** The stored edits of these cells, then what the journal kept that never reached storage. */
  async restore(cells: readonly CodeCell[]): Promise<void> {
    let stored: StoredEdits = {};
    try {
      stored = await loadEdits(this.slug);
    } catch (error) {
      this.reportStorage(error);
    }
    const journal = Object.entries(readJournal(this.slug)).filter(([id]) =>
      cells.some((cell) => cell.id === id),
    );
    this.code = { ...applyEdits(cells, stored), ...Object.fromEntries(journal) };
    for (const [cellId, source] of journal) this.autosaver.schedule(cellId, source);
  }

  edit(cellId: string, source: string): void {
    this.code[cellId] = source;
    journalEdit(this.slug, cellId, source);
    this.autosaver.schedule(cellId, source);
  }

  /** Code from an import or a shared link, saved as the learner's edits (nothing runs). */
  applyCode(changes: Record<string, string>): void {
    for (const [cellId, source] of Object.entries(changes)) this.edit(cellId, source);
    void this.flush();
  }

  resetOne(cell: CodeCell): void {
    clearJournal(this.slug, cell.id);
    this.code[cell.id] = cell.source;
    this.autosaver.schedule(cell.id, cell.source);
    void this.flush();
  }

  /** Every cell back to its original; also drops edits of cells the lesson no longer has. */
  resetAll(cells: readonly CodeCell[]): void {
    clearJournal(this.slug);
    for (const cell of cells) {
      this.code[cell.id] = cell.source;
      this.autosaver.schedule(cell.id, cell.source);
    }
    void this.autosaver
      .flush()
      .then(() => resetLesson(this.slug))
      .catch(this.reportStorage);
  }

  /** Saves what is pending now (a failure is reported, and stays pending). */
  flush(): Promise<void> {
    return this.autosaver.flush();
  }

  close(): void {
    void this.flush();
    this.otherTabs.close();
  }
}
