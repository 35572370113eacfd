/**
 * What every IndexedDB store of the learner's work shares (edits, imported notebooks,
 * progress): one cached connection per database name, and failures phrased for the learner.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { toStorageError } from './storage-error';

/** One open connection per database name. */
export interface ConnectionCache<Schema extends DBSchema> {
  /** Opens the database once and reuses it; a failed open is not kept (storage may come back). */
  database(dbName: string): Promise<IDBPDatabase<Schema>>;
  /** Closes and forgets the connection (tests delete their database afterwards). */
  close(dbName: string): Promise<void>;
}

/** Every cache, so "Erase all my data" can close this page's connections (they block deletion). */
const allCaches = new Set<{ closeAll(): Promise<void> }>();

export async function closeAllConnections(): Promise<void> {
  await Promise.all([...allCaches].map((cache) => cache.closeAll()));
}

export function connectionCache<Schema extends DBSchema>(
  open: (dbName: string) => Promise<IDBPDatabase<Schema>>,
): ConnectionCache<Schema> {
  const connections = new Map<string, Promise<IDBPDatabase<Schema>>>();
  allCaches.add({
    closeAll: async () => {
      const open = [...connections.values()];
      connections.clear();
      for (const connection of open) (await connection.catch(() => undefined))?.close();
    },
  });
  return {
    database(dbName) {
      let connection = connections.get(dbName);
      if (!connection) {
        connection = open(dbName);
        connection.catch(() => connections.delete(dbName));
        connections.set(dbName, connection);
      }
      return connection;
    },
    async close(dbName) {
      const connection = connections.get(dbName);
      connections.delete(dbName);
      if (connection) (await connection.catch(() => undefined))?.close();
    },
  };
}

/** Runs one storage step and reports any failure as a StorageError naming the action. */
export async function attempt<T>(action: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw toStorageError(error, action);
  }
}
