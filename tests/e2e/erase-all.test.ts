/**
 * "Erase all my data" on the Offline page, against real IndexedDB, Cache Storage and
 * localStorage: an edit, progress, a downloaded file and a saved setting are gone after
 * a reload, and the lesson still opens (as the course wrote it).
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { LESSON, cell, cellCode, openPage, setCellCode, useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();

const databaseNames = (page: Page): Promise<string[]> =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
const cacheNames = (page: Page): Promise<string[]> => page.evaluate(() => caches.keys());

test('erase all: edits, progress, a cached file and settings are gone after a reload', async () => {
  const { context, page, errors } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  const original = await cellCode(page, 'model');
  await setCellCode(page, 'model', `${original}\n// mine`);
  await cell(page, 'model')
    .getByText(/modified/i)
    .first()
    .waitFor();
  // The edit and the visit (progress) are in IndexedDB; a downloaded file in Cache Storage.
  await expect
    .poll(() => databaseNames(page))
    .toEqual(expect.arrayContaining(['playgrad', 'playgrad-progress']));
  await page.evaluate(async (url) => {
    const cache = await caches.open('playgrad-lesson-assets-test');
    await cache.put(url, new Response('a downloaded dataset'));
    localStorage.setItem('playgrad-chat-endpoint', '{"baseURL":"http://x","model":"m"}');
  }, `${siteUrl}datasets/iris.csv`);
  expect(await cacheNames(page)).toContain('playgrad-lesson-assets-test');

  // The same page (its connections still open) goes to the Offline page and erases.
  await page.evaluate(() => (location.hash = '#/offline'));
  await page.getByRole('button', { name: 'Erase all my data…' }).click();
  const list = await page.getByTestId('erase-list').innerText();
  for (const kind of ['edits', 'progress', 'imported notebooks', 'models', 'API keys']) {
    expect(list).toContain(kind);
  }
  await page.getByRole('button', { name: 'Erase everything' }).click();
  const result = page.getByTestId('erase-result');
  await expect.poll(() => result.innerText()).toMatch(/^Erased \d+ databases? \(.*playgrad/);
  expect(await result.innerText()).toMatch(/, [1-9]\d* caches? and [1-9]\d* saved settings?\./);

  await page.reload();
  await page.getByRole('heading', { name: 'Offline' }).waitFor();
  const left = await databaseNames(page);
  expect(left.filter((name) => name === 'playgrad' || name === 'playgrad-progress')).toEqual([]);
  // The Offline page opens its (empty) lesson-assets cache again; nothing is in any cache.
  expect(await cacheNames(page)).not.toContain('playgrad-lesson-assets-test');
  const cachedFiles = await page.evaluate(async () => {
    const counts = await Promise.all(
      (await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).length),
    );
    return counts.reduce((sum, n) => sum + n, 0);
  });
  expect(cachedFiles).toBe(0);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  // The site still works: the lesson opens as the course wrote it.
  await page.evaluate((slug) => (location.hash = `#/lesson/${slug}`), LESSON);
  await cell(page, 'model').locator('.cm-content').waitFor();
  expect(await cellCode(page, 'model')).toBe(original);
  expect(
    await cell(page, 'model')
      .getByText(/modified/i)
      .count(),
  ).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
