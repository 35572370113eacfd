/**
 * "Erase all my data": everything Playgrad keeps on this device, for a shared lab machine.
 * The site owns its origin, so every IndexedDB database, every Cache Storage cache and
 * local/session storage of the origin are Playgrad's: all of them go, including stores a
 * later version adds, so nothing is missed by a list that went stale.
 */
import { closeAllConnections } from './database';

/** What goes, in the learner's words (the confirmation lists it). */
export const ERASED_KINDS = [
  'your edits to every lesson, and their journal (undo history)',
  'your progress (visited lessons, finished exercises)',
  'imported notebooks',
  'downloaded lessons, datasets and models',
  'saved chat settings and API keys',
  'preferences (font size, backend choice) and the offline copy of the course',
] as const;

export interface EraseResult {
  databases: string[];
  caches: string[];
  localKeys: number;
}

export interface EraseOptions {
  /** Called when another tab holds a database open: the deletion waits for it to close. */
  onBlocked?: (database: string) => void;
}

export async function eraseAllData(options: EraseOptions = {}): Promise<EraseResult> {
  // This page's own connections would block their deletion.
  await closeAllConnections();
  const databases = (await indexedDB.databases())
    .map((database) => database.name)
    .filter((name): name is string => Boolean(name));
  await Promise.all(databases.map((name) => deleteDatabase(name, options.onBlocked)));
  // Workbox never refills a deleted precache; unregistered, the worker installs afresh
  // on the next visit and stores the course again.
  const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
  await Promise.all(registrations.map((registration) => registration.unregister()));
  const caches = await globalThis.caches.keys();
  await Promise.all(caches.map((name) => globalThis.caches.delete(name)));
  const localKeys = localStorage.length;
  localStorage.clear();
  sessionStorage.clear();
  return { databases, caches, localKeys };
}

function deleteDatabase(name: string, onBlocked?: (name: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
    request.onblocked = () => onBlocked?.(name);
  });
}
