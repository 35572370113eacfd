/**
 * Progress records in IndexedDB, one per lesson slug, in a database of their own
 * ('playgrad-progress'): the edits database has its own schema and upgrades, and progress
 * must never block or be blocked by them.
 */
import { openDB, type DBSchema } from 'idb';
import { withRevealed, withSolved, withVisit, type LessonProgress } from './progress-record';
import { attempt, connectionCache } from './database';

export type { LessonProgress } from './progress-record';

export const PROGRESS_DB_NAME = 'playgrad-progress';
const DB_VERSION = 1;
const LESSONS = 'lessons';

interface ProgressDB extends DBSchema {
  lessons: { key: string; value: LessonProgress };
}

const connections = connectionCache((dbName) =>
  openDB<ProgressDB>(dbName, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore(LESSONS, { keyPath: 'slug' });
    },
  }),
);
const database = (dbName: string) => connections.database(dbName);

/** Reads one record and writes its successor in a single transaction. */
async function update(
  dbName: string,
  action: string,
  slug: string,
  next: (record: LessonProgress | undefined) => LessonProgress,
): Promise<LessonProgress> {
  return attempt(action, async () => {
    const db = await database(dbName);
    const tx = db.transaction(LESSONS, 'readwrite');
    const record = next(await tx.store.get(slug));
    await Promise.all([tx.store.put(record), tx.done]);
    return record;
  });
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

export function recordRevealed(
  slug: string,
  exerciseId: string,
  dbName = PROGRESS_DB_NAME,
): Promise<LessonProgress> {
  return update(dbName, 'remember the revealed solution', slug, (record) =>
    withRevealed(record, slug, exerciseId, Date.now()),
  );
}

/** Every lesson's record, by slug (the course index shows them all). */
export async function loadAllProgress(
  dbName = PROGRESS_DB_NAME,
): Promise<Map<string, LessonProgress>> {
  return attempt('load your progress', async () => {
    const db = await database(dbName);
    const records = await db.getAll(LESSONS);
    return new Map(records.map((record) => [record.slug, record]));
  });
}
