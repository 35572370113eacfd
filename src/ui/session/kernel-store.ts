/**
 * The kernel's own records (src/kernel-host/kernel-indexeddb.ts: tfjs' `indexeddb://`
 * models), kept in one IndexedDB database of the page that nothing else reads, keyed by
 * [kernel database, store, key]. The page's edits and progress live elsewhere.
 */
import type { StoreOperation } from '../../kernel-host/host-protocol';

const DATABASE = 'playgrad-kernel-store';
const RECORDS = 'records';

let opening: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(RECORDS);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = undefined;
      reject(request.error);
    };
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function runStoreOperation(operation: StoreOperation): Promise<unknown> {
  const db = await database();
  const mode = operation.op === 'get' || operation.op === 'getAll' ? 'readonly' : 'readwrite';
  const records = db.transaction(RECORDS, mode).objectStore(RECORDS);
  const prefix = [operation.db, operation.store];
  switch (operation.op) {
    case 'get':
      return done(records.get([...prefix, operation.key]));
    case 'put':
      await done(records.put(operation.value, [...prefix, operation.key]));
      return undefined;
    case 'delete':
      await done(records.delete([...prefix, operation.key]));
      return undefined;
    case 'getAll':
      // Array keys sort element by element: [db, store, ''] … [db, store, []] spans one store.
      return done(records.getAll(IDBKeyRange.bound([...prefix, ''], [...prefix, []])));
  }
}
