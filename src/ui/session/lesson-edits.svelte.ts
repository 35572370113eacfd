/**
 * The learner's code in a notebook (a lesson or an imported notebook): what each editor
 * holds, kept in IndexedDB through the notebook's back end (storage/edit-backends.ts) with
 * a debounced autosave and a synchronous journal for the moments a save cannot finish,
 * and in step with other tabs on the same notebook.
 *
 * Resets go through the same saves as edits: saving a cell's original deletes its stored
 * edit, queued after any save still in flight, so a reload cannot bring a reset edit back.
 */
import type { CodeCell } from '../../notebook/types';
import { createAutosaver, type Autosaver } from '../../storage/autosave';
import type { EditBackend } from '../../storage/edit-backends';
import { clearJournal, journalEdit, readJournal, settleJournal } from '../../storage/journal';
import { OtherTabs } from '../notices/other-tabs.svelte';

export class LessonEdits {
  /** The code in each editor, by cell id (a cell not here shows its original). */
  code = $state<Record<string, string>>({});
  /** Why the last save or load failed, until a save works again. */
  storageError = $state<string | undefined>();
  /** Another tab saving this notebook asks before anything here changes. */
  readonly otherTabs: OtherTabs;
  private readonly autosaver: Autosaver;
  /** Names the notebook in the journal and to other tabs. */
  private readonly slug: string;

  /** @param originals the shipped (or imported) code of each runnable cell, by id */
  constructor(
    private readonly backend: EditBackend,
    private readonly originals: () => Record<string, string>,
  ) {
    const slug = backend.key;
    this.slug = slug;
    this.autosaver = createAutosaver(
      async (cellId, source) => {
        await backend.save(cellId, source, this.originals()[cellId] ?? source);
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
    let stored: Record<string, string> = {};
    try {
      stored = await this.backend.load();
    } catch (error) {
      this.reportStorage(error);
    }
    const journal = Object.entries(readJournal(this.slug)).filter(([id]) =>
      cells.some((cell) => cell.id === id),
    );
    // Stored code of cells the notebook no longer has is ignored (and kept in storage).
    const saved = cells.map((cell) => [
      cell.id,
      Object.hasOwn(stored, cell.id) ? stored[cell.id] : cell.source,
    ]);
    this.code = { ...Object.fromEntries(saved), ...Object.fromEntries(journal) };
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
      .then(() => this.backend.resetAll())
      .catch(this.reportStorage);
  }

  /** Saves what is pending now (a failure is reported, and stays pending). */
  flush(): Promise<void> {
    return this.autosaver.flush();
  }

  /** The notebook is being deleted: nothing pending is saved, nothing journalled remains. */
  discard(): void {
    for (const cellId of Object.keys(this.code)) this.autosaver.cancel(cellId);
    clearJournal(this.slug);
  }

  close(): void {
    void this.flush();
    this.otherTabs.close();
  }
}
