import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { LESSON, cell, cellCode, openMoreMenu, openPage, setCellCode, useBrowser } from './browser';

/** The edit records in the page's real IndexedDB. */
function storedEdits(page: Page): Promise<{ cellId: string; source: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('playgrad');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('edits').objectStore('edits').getAll();
          request.onsuccess = () => {
            const records = request.result as { cellId: string; source: string }[];
            resolve(records.map(({ cellId, source }) => ({ cellId, source })));
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const { browser, siteUrl } = useBrowser();

test('an edit survives a reload (IndexedDB), is marked, and resets in one click', async () => {
  const url = `${siteUrl}#/lesson/${LESSON}`;
  const { context, page } = await openPage(browser(), url);
  const original = await cellCode(page, 'model');
  const edited = `${original}\n// my note: try the median instead`;
  await setCellCode(page, 'model', edited);
  await cell(page, 'model')
    .getByText(/modified/i)
    .first()
    .waitFor();

  await page.reload();
  await cell(page, 'model').locator('.cm-content').waitFor();
  await expect.poll(() => cellCode(page, 'model')).toBe(edited);
  await cell(page, 'model')
    .getByText(/modified/i)
    .first()
    .waitFor();

  // The edit is in IndexedDB itself (the localStorage journal only bridges a reload).
  await expect.poll(() => storedEdits(page)).toEqual([{ cellId: 'model', source: edited }]);

  // Other cells are untouched and not marked.
  expect(
    await cell(page, 'load')
      .getByText(/modified/i)
      .count(),
  ).toBe(0);

  await cell(page, 'model')
    .getByRole('button', { name: /reset cell/i })
    .click();
  await expect.poll(() => cellCode(page, 'model')).toBe(original);
  await page.reload();
  await cell(page, 'model').locator('.cm-content').waitFor();
  await expect.poll(() => cellCode(page, 'model')).toBe(original);
  expect(
    await cell(page, 'model')
      .getByText(/modified/i)
      .count(),
  ).toBe(0);
  await context.close();
});

test('"Reset lesson" clears every edit of the lesson after the reset dialog', async () => {
  const url = `${siteUrl}#/lesson/${LESSON}`;
  const { context, page } = await openPage(browser(), url);
  const originals = { load: await cellCode(page, 'load'), exact: await cellCode(page, 'exact') };
  await setCellCode(page, 'load', '1 + 1');
  await setCellCode(page, 'exact', '2 + 2');
  await cell(page, 'exact')
    .getByText(/modified/i)
    .first()
    .waitFor();

  // Cancelling the dialog keeps the edits.
  const dialog = page.getByRole('dialog', { name: 'Reset the lesson for the next class?' });
  await openMoreMenu(page);
  await page.getByRole('button', { name: 'Reset lesson' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await cellCode(page, 'load')).toBe('1 + 1');

  await openMoreMenu(page);
  await page.getByRole('button', { name: 'Reset lesson' }).click();
  await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => cellCode(page, 'load')).toBe(originals.load);
  await expect.poll(() => cellCode(page, 'exact')).toBe(originals.exact);
  await page.reload();
  await cell(page, 'exact').locator('.cm-content').waitFor();
  await expect.poll(() => cellCode(page, 'exact')).toBe(originals.exact);
  expect(await page.getByText(/modified/i).count()).toBe(0);
  await context.close();
});
