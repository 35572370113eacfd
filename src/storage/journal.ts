/**
 * A write-ahead journal of edits in localStorage.
 *
 * IndexedDB is asynchronous: an edit typed just before a reload or a closed tab may
 * still be waiting in the autosave delay, or in a transaction the browser abandons
 * while unloading. localStorage writes are synchronous, so every edit is journalled
 * at once and removed when IndexedDB has it. On the next load, whatever is still in
 * the journal is newer than IndexedDB and wins.
 */

/** What the journal needs of `localStorage` (tests pass a Map-backed stand-in). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

type Entries = Record<string, string>;

const key = (slug: string): string => `playgrad:journal:${slug}`;

function defaultStorage(): JournalStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage disabled by the browser's privacy settings: IndexedDB alone then.
    return undefined;
  }
}

export function readJournal(slug: string, storage = defaultStorage()): Entries {
  try {
    const raw = storage?.getItem(key(slug));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const entries: Entries = {};
    for (const [cellId, source] of Object.entries(parsed)) {
      if (typeof source === 'string') entries[cellId] = source;
    }
    return entries;
  } catch {
    return {};
  }
}

function write(slug: string, entries: Entries, storage: JournalStorage | undefined): void {
  try {
    if (Object.keys(entries).length === 0) storage?.removeItem(key(slug));
    else storage?.setItem(key(slug), JSON.stringify(entries));
  } catch {
    // A full localStorage only loses the safety net; IndexedDB still saves (and reports).
  }
}

/** Records the learner's latest code for a cell, synchronously. */
export function journalEdit(
  slug: string,
  cellId: string,
  source: string,
  storage = defaultStorage(),
): void {
  write(slug, { ...readJournal(slug, storage), [cellId]: source }, storage);
}

/** IndexedDB now holds `source` for the cell: drop the entry unless it changed since. */
export function settleJournal(
  slug: string,
  cellId: string,
  source: string,
  storage = defaultStorage(),
): void {
  const entries = readJournal(slug, storage);
  if (entries[cellId] !== source) return;
  delete entries[cellId];
  write(slug, entries, storage);
}

/** Forgets journalled edits: of one cell, or of the whole lesson. */
export function clearJournal(slug: string, cellId?: string, storage = defaultStorage()): void {
  if (cellId === undefined) {
    write(slug, {}, storage);
    return;
  }
  const entries = readJournal(slug, storage);
  delete entries[cellId];
  write(slug, entries, storage);
}
