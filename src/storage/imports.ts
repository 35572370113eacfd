/**
 * "Your notebooks": notebooks the learner imported that are not a shipped lesson, kept
 * in IndexedDB as lesson-format text. A database of its own ('playgrad-imports'), so the
 * edits database's schema stays as it is.
 */
import { openDB, type DBSchema } from 'idb';
import { attempt, connectionCache } from './database';

export const IMPORTS_DB_NAME = 'playgrad-imports';
const DB_VERSION = 1;
const NOTEBOOKS = 'notebooks';

export interface StoredNotebook {
  /** Random, URL-safe: `#/notebook/<id>`. */
  id: string;
  title: string;
  /** The file it came from. */
  fileName: string;
  /** The notebook in the lesson format, as imported (what "Reset" returns to). */
  text: string;
  /** Cell id → the learner's code, for the cells changed since the import. */
  edits: Record<string, string>;
  importedAt: number;
  savedAt: number;
}

interface ImportsDB extends DBSchema {
  notebooks: { key: string; value: StoredNotebook };
}

const connections = connectionCache((dbName) =>
  openDB<ImportsDB>(dbName, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore(NOTEBOOKS, { keyPath: 'id' });
    },
  }),
);
const database = (dbName: string) => connections.database(dbName);

export function newNotebookId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

export function addNotebook(
  entry: { title: string; fileName: string; text: string; edits?: Record<string, string> },
  dbName = IMPORTS_DB_NAME,
): Promise<StoredNotebook> {
  return attempt('keep the imported notebook', async () => {
    const now = Date.now();
    const stored: StoredNotebook = {
      id: newNotebookId(),
      edits: {},
      ...entry,
      importedAt: now,
      savedAt: now,
    };
    await (await database(dbName)).add(NOTEBOOKS, stored);
    return stored;
  });
}

export function listNotebooks(dbName = IMPORTS_DB_NAME): Promise<StoredNotebook[]> {
  return attempt('list your notebooks', async () => {
    const all = await (await database(dbName)).getAll(NOTEBOOKS);
    return all.sort((a, b) => b.importedAt - a.importedAt);
  });
}

export function getNotebook(
  id: string,
  dbName = IMPORTS_DB_NAME,
): Promise<StoredNotebook | undefined> {
  return attempt('open your notebook', async () => (await database(dbName)).get(NOTEBOOKS, id));
}

/** The learner's changed cells (cell id → code); a deleted notebook is an error. */
export function loadNotebookEdits(
  id: string,
  dbName = IMPORTS_DB_NAME,
): Promise<Record<string, string>> {
  return attempt('load your saved edits', async () => {
    const stored = await (await database(dbName)).get(NOTEBOOKS, id);
    if (!stored) throw new Error('the notebook was deleted');
    return { ...stored.edits };
  });
}

/**
 * Stores one cell's code in the notebook's record, or forgets it when it equals the
 * imported code. One transaction reads and writes the record, so saves of two cells (or
 * two tabs) never drop each other's edits.
 */
export function saveNotebookEdit(
  id: string,
  cellId: string,
  source: string,
  original: string,
  dbName = IMPORTS_DB_NAME,
): Promise<void> {
  return attempt('save your edit', async () => {
    const db = await database(dbName);
    const tx = db.transaction(NOTEBOOKS, 'readwrite');
    const stored = await tx.store.get(id);
    if (!stored) throw new Error('the notebook was deleted');
    const edits = { ...stored.edits };
    if (source === original) delete edits[cellId];
    else edits[cellId] = source;
    await Promise.all([tx.store.put({ ...stored, edits, savedAt: Date.now() }), tx.done]);
  });
}

/** Replaces the learner's changed cells (a reset passes none). */
export function saveNotebookEdits(
  id: string,
  edits: Record<string, string>,
  dbName = IMPORTS_DB_NAME,
): Promise<void> {
  return attempt('save your notebook', async () => {
    const db = await database(dbName);
    const tx = db.transaction(NOTEBOOKS, 'readwrite');
    const stored = await tx.store.get(id);
    if (!stored) throw new Error('the notebook was deleted');
    await Promise.all([
      tx.store.put({ ...stored, edits: { ...edits }, savedAt: Date.now() }),
      tx.done,
    ]);
  });
}

export function deleteNotebook(id: string, dbName = IMPORTS_DB_NAME): Promise<void> {
  return attempt('delete the notebook', async () => {
    await (await database(dbName)).delete(NOTEBOOKS, id);
  });
}

export async function closeImports(dbName = IMPORTS_DB_NAME): Promise<void> {
  await connections.close(dbName);
}
