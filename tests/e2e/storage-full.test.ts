/**
 * A full disk: when IndexedDB refuses the learner's edit (QuotaExceededError), the page
 * says so, the edit stays in the editor and in the localStorage journal (so it survives
 * a reload), and it reaches IndexedDB once there is space again.
 *
 * The quota is lowered with the DevTools protocol's Storage.overrideQuotaForOrigin. In
 * Chromium 156 it does bite on IndexedDB writes (they abort with QuotaExceededError)
 * although `navigator.storage.estimate()` keeps reporting the disk-based quota; the
 * test then fills the remaining space from another database, as another app would.
 *
 * Nothing here may depend on the machine's disk, quota, speed or load:
 * - The override is set before the site's first IndexedDB write. Chromium's IndexedDB
 *   keeps the space it allotted at its last quota check for up to 30 s, so an override set
 *   after the lesson's first write (its visit record) let the filler write 1.0–1.6 GB of a
 *   fresh machine's real quota instead of a few hundred KB.
 * - The filler stops at a cap and reports whether it really met QuotaExceededError (the
 *   positive control: without it, a save that "fails" would prove nothing).
 * - Space comes back the way a learner frees it: the filler database is deleted and the
 *   override removed, and every wait is on a condition with a generous timeout.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { LESSON, cell, cellCode, openPage, setCellCode, useBrowser } from './browser';
import { deleteFiller, fillStorage } from './storage-helpers';

const { browser, siteUrl } = useBrowser();

/** Small enough to fill in a moment, large enough for the app to open its database. */
const QUOTA_BYTES = 400_000;
/** Saves and banners take milliseconds; the margin is for two busy cores. */
const STORAGE_TIMEOUT_MS = 30_000;

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
  // The quota is lowered before the site runs at all, so no write sees the real quota.
  const { context, page } = await openPage(browser(), 'about:blank');
  const origin = new URL(siteUrl).origin;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA_BYTES });
  await page.goto(`${siteUrl}#/lesson/${LESSON}`);
  await cell(page, 'model').locator('.cm-content').waitFor();
  const filled = await fillStorage(page);
  expect(filled.stoppedBy, `the filler wrote ${filled.written} bytes`).toBe('QuotaExceededError');

  const edited = `${await cellCode(page, 'model')}\n// my note, written on a full disk`;
  await setCellCode(page, 'model', edited);
  const banner = page.getByRole('alert').filter({ hasText: /storage for this site is full/ });
  await banner.waitFor({ timeout: STORAGE_TIMEOUT_MS });
  expect(await cellCode(page, 'model')).toBe(edited);
  expect(await storedSource(page, 'model')).toBeUndefined();

  // The journal keeps it across a reload; the save is tried again, and fails again.
  await page.reload();
  await cell(page, 'model').locator('.cm-content').waitFor();
  await expect.poll(() => cellCode(page, 'model'), { timeout: STORAGE_TIMEOUT_MS }).toBe(edited);
  await banner.waitFor({ timeout: STORAGE_TIMEOUT_MS });
  expect(await storedSource(page, 'model')).toBeUndefined();

  // Space again (the learner freed some): "Try again" saves it and the banner goes.
  await deleteFiller(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect
    .poll(() => storedSource(page, 'model'), { timeout: STORAGE_TIMEOUT_MS })
    .toBe(edited);
  await banner.waitFor({ state: 'detached', timeout: STORAGE_TIMEOUT_MS });
  expect(
    await page.evaluate(() => localStorage.getItem('playgrad:journal:week1/gradient-descent')),
  ).toBeNull();
  await context.close();
});
