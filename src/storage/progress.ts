/**
 * Progress records in IndexedDB, one per lesson slug, in a database of their own
 * ('playgrad-progress'): the edits database has its own schema and upgrades, and progress
 * must never block or be blocked by them.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { withSolved, withVisit, type LessonProgress } from './progress-record';
import { toStorageError } from './storage-error';

export type { LessonProgress } from './progress-record';

export const PROGRESS_DB_NAME = 'playgrad-progress';
const DB_VERSION = 1;
const LESSONS = 'lessons';

interface ProgressDB extends DBSchema {
  lessons: { key: string; value: LessonProgress };
}

const connections = new Map<string, Promise<IDBPDatabase<ProgressDB>>>();

function database(dbName: string): Promise<IDBPDatabase<ProgressDB>> {
  let connection = connections.get(dbName);
  if (!connection) {
    connection = openDB<ProgressDB>(dbName, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore(LESSONS, { keyPath: 'slug' });
      },
    });
    // A failed open must not be cached: the next call tries again.
    connection.catch(() => connections.delete(dbName));
    connections.set(dbName, connection);
  }
  return connection;
}

/** Reads one record and writes its successor in a single transaction. */
async function update(
  dbName: string,
  action: string,
  slug: string,
  next: (record: LessonProgress | undefined) => LessonProgress,
): Promise<LessonProgress> {
  try {
    const db = await database(dbName);
    const tx = db.transaction(LESSONS, 'readwrite');
    const record = next(await tx.store.get(slug));
    await Promise.all([tx.store.put(record), tx.done]);
    return record;
  } catch (error) {
    throw toStorageError(error, action);
  }
}

export function recordVisit(slug: string, dbName = PROGRESS_DB_NAME): Promise<LessonProgress> {
  return update(dbName, 'remember this visit', slug, (record) =>
    withVisit(record, slug, Date.now()),
  );
}

export function recordSolved(
  slug: string,
  exerciseId: string,
  dbName = PROGRESS_DB_NAME,
): Promise<LessonProgress> {
  return update(dbName, 'remember the solved exercise', slug, (record) =>
    withSolved(record, slug, exerciseId, Date.now()),
  );
}

/** Every lesson's record, by slug (the course index shows them all). */
export async function loadAllProgress(
  dbName = PROGRESS_DB_NAME,
): Promise<Map<string, LessonProgress>> {
  try {
    const db = await database(dbName);
    const records = await db.getAll(LESSONS);
    return new Map(records.map((record) => [record.slug, record]));
  } catch (error) {
    throw toStorageError(error, 'load your progress');
  }
}
