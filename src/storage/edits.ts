/**
 * The learner's edits, in IndexedDB: per lesson slug, per cell id. The shipped lesson is
 * never changed; an edit is stored only while it differs from the original.
 *
 * Every function takes an optional database name so tests (and a future "profiles"
 * feature) can use a database of their own.
 */
import { openDB, type DBSchema } from 'idb';
import { planEdit, type EditRecord, type LessonEdits } from './edit-record';
import { attempt, connectionCache } from './database';

export { StorageError } from './storage-error';
export type { EditRecord, LessonEdits } from './edit-record';

export const DEFAULT_DB_NAME = 'playgrad';
const DB_VERSION = 1;
const EDITS = 'edits';
const BY_SLUG = 'by-slug';

interface PlaygradDB extends DBSchema {
  edits: {
    key: [string, string];
    value: EditRecord;
    indexes: { 'by-slug': string };
  };
}

const connections = connectionCache((dbName) =>
  openDB<PlaygradDB>(dbName, DB_VERSION, {
    upgrade(db) {
      const store = db.createObjectStore(EDITS, { keyPath: ['slug', 'cellId'] });
      store.createIndex(BY_SLUG, 'slug');
    },
  }),
);
const database = (dbName: string) => connections.database(dbName);

export function loadEdits(slug: string, dbName = DEFAULT_DB_NAME): Promise<LessonEdits> {
  return attempt('load your saved edits', async () => {
    const db = await database(dbName);
    const records = await db.getAllFromIndex(EDITS, BY_SLUG, slug);
    const edits: LessonEdits = {};
    for (const record of records) edits[record.cellId] = record;
    return edits;
  });
}

/** Stores the learner's code, or deletes the record when it equals the original. */
export function saveEdit(
  slug: string,
  cellId: string,
  source: string,
  original: string,
  dbName = DEFAULT_DB_NAME,
): Promise<void> {
  return attempt('save your edit', async () => {
    const db = await database(dbName);
    const plan = planEdit(slug, cellId, source, original, Date.now());
    if (plan.kind === 'delete') await db.delete(EDITS, [slug, cellId]);
    else await db.put(EDITS, plan.record);
  });
}

export function resetCell(slug: string, cellId: string, dbName = DEFAULT_DB_NAME): Promise<void> {
  return attempt('reset the cell', async () => {
    const db = await database(dbName);
    await db.delete(EDITS, [slug, cellId]);
  });
}

export function resetLesson(slug: string, dbName = DEFAULT_DB_NAME): Promise<void> {
  return attempt('reset the lesson', async () => {
    const db = await database(dbName);
    const tx = db.transaction(EDITS, 'readwrite');
    const keys = await tx.store.index(BY_SLUG).getAllKeys(slug);
    await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
  });
}

/** Closes and forgets a database connection (tests delete their database afterwards). */
export async function closeEdits(dbName = DEFAULT_DB_NAME): Promise<void> {
  await connections.close(dbName);
}
