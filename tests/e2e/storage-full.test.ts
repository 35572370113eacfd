/**
 * A full disk: when IndexedDB refuses the learner's edit (QuotaExceededError), the page
 * says so, the edit stays in the editor and in the localStorage journal (so it survives
 * a reload), and it reaches IndexedDB once there is space again.
 *
 * The quota is lowered with the DevTools protocol's Storage.overrideQuotaForOrigin. In
 * Chromium 156 it does bite on IndexedDB writes (they abort with QuotaExceededError)
 * although `navigator.storage.estimate()` keeps reporting the disk-based quota; the
 * test then fills the remaining space from another database, as another app would.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { LESSON, cell, cellCode, openPage, setCellCode, useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();

/** Small enough to fill in a moment, large enough for the app to open its database. */
const QUOTA_BYTES = 400_000;
const BANNER_TIMEOUT_MS = 10_000;

/** Writes random (incompressible) blobs into a database of its own until nothing fits. */
function fillStorage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('filler');
      open.onupgradeneeded = () => open.result.createObjectStore('blobs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const put = (bytes: number) =>
      new Promise<boolean>((resolve) => {
        const data = new Uint8Array(bytes);
        for (let i = 0; i < bytes; i += 65_536) {
          crypto.getRandomValues(data.subarray(i, Math.min(bytes, i + 65_536)));
        }
        const tx = db.transaction('blobs', 'readwrite');
        tx.objectStore('blobs').put(data, crypto.randomUUID());
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => resolve(false);
      });
    let written = 0;
    for (const size of [64_000, 8_000, 1_000, 100]) {
      while (await put(size)) written += size;
    }
    db.close();
    return written;
  });
}

function storedSource(page: Page, cellId: string): Promise<string | undefined> {
  return page.evaluate(
    (cellId) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('playgrad');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('edits').objectStore('edits');
          const request = store.getAll();
          request.onsuccess = () => {
            const records = request.result as { cellId: string; source: string }[];
            resolve(records.find((record) => record.cellId === cellId)?.source);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    cellId,
  );
}

test('a full disk is reported, the edit survives a reload and is saved once space is back', async () => {
  const { context, page } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await cell(page, 'model').locator('.cm-content').waitFor();
  const origin = new URL(siteUrl).origin;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA_BYTES });
  expect(await fillStorage(page)).toBeGreaterThan(0);

  const edited = `${await cellCode(page, 'model')}\n// my note, written on a full disk`;
  await setCellCode(page, 'model', edited);
  const banner = page.getByRole('alert').filter({ hasText: /storage for this site is full/ });
  await banner.waitFor({ timeout: BANNER_TIMEOUT_MS });
  expect(await cellCode(page, 'model')).toBe(edited);
  expect(await storedSource(page, 'model')).toBeUndefined();

  // The journal keeps it across a reload; the save is tried again, and fails again.
  await page.reload();
  await cell(page, 'model').locator('.cm-content').waitFor();
  await expect.poll(() => cellCode(page, 'model')).toBe(edited);
  await banner.waitFor({ timeout: BANNER_TIMEOUT_MS });

  // Space again (the learner freed some): "Try again" saves it and the banner goes.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => storedSource(page, 'model')).toBe(edited);
  await banner.waitFor({ state: 'detached', timeout: BANNER_TIMEOUT_MS });
  expect(
    await page.evaluate(() => localStorage.getItem('playgrad:journal:week1/gradient-descent')),
  ).toBeNull();
  await context.close();
});
