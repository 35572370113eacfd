/**
 * Reading and filling a page's real IndexedDB from an end-to-end test: the edits a page
 * stored (lessons in `playgrad`, imported notebooks in `playgrad-imports`) and a disk
 * that fills up as another app would fill it.
 */
import type { Page } from 'playwright-core';

/** The stored edits of an imported notebook (cell id → code), or undefined if not stored. */
export function storedNotebookEdits(
  page: Page,
  id: string,
): Promise<Record<string, string> | undefined> {
  return page.evaluate(
    (id) =>
      new Promise<Record<string, string> | undefined>((resolve, reject) => {
        const open = indexedDB.open('playgrad-imports');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('notebooks')) {
            db.close();
            resolve(undefined);
            return;
          }
          const request = db.transaction('notebooks').objectStore('notebooks').get(id);
          request.onsuccess = () => {
            resolve((request.result as { edits?: Record<string, string> } | undefined)?.edits);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    id,
  );
}

/** Far above any test's quota: a filler that writes this much means the override did not bite. */
export const FILLER_CAP_BYTES = 20_000_000;

export interface Filled {
  written: number;
  /** The name of the error that ended the filling (QuotaExceededError when the disk is "full"). */
  stoppedBy: string | undefined;
}

/**
 * Writes random (incompressible) blobs into a database of its own until nothing fits,
 * or until `cap` bytes (then `stoppedBy` is undefined and the test says so).
 */
export function fillStorage(page: Page, cap = FILLER_CAP_BYTES): Promise<Filled> {
  return page.evaluate(async (cap) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('filler');
      open.onupgradeneeded = () => open.result.createObjectStore('blobs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    /** Resolves with undefined once stored, or with the name of the error that refused it. */
    const put = (bytes: number) =>
      new Promise<string | undefined>((resolve) => {
        const data = new Uint8Array(bytes);
        for (let i = 0; i < bytes; i += 65_536) {
          crypto.getRandomValues(data.subarray(i, Math.min(bytes, i + 65_536)));
        }
        const tx = db.transaction('blobs', 'readwrite');
        tx.objectStore('blobs').put(data, crypto.randomUUID());
        tx.oncomplete = () => resolve(undefined);
        tx.onabort = () => resolve(tx.error?.name ?? 'AbortError');
      });
    let written = 0;
    let stoppedBy: string | undefined;
    for (const size of [64_000, 8_000, 1_000, 100]) {
      while (written < cap) {
        stoppedBy = await put(size);
        if (stoppedBy !== undefined) break;
        written += size;
      }
    }
    db.close();
    return { written, stoppedBy };
  }, cap);
}

/** Deletes the filler database: the space another app took is free again. */
export function deleteFiller(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('filler');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        // The filler closed its connection; nothing else should hold it open.
        request.onblocked = () => reject(new Error('the filler database is still open'));
      }),
  );
}
