/**
 * Offline study: after one visit the service worker has precached the app; the large
 * per-lesson files (image datasets, models) are stored only when the learner downloads them
 * on the Offline page. Then with the network off the app reloads and every lesson runs;
 * no request ever leaves the origin.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import '../../src/ui/headless/runner-api';
import { useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();

/**
 * Precaching ~23 MB, downloading ~39 MB of lesson files, then running every lesson (the time grows
 * with the course and with the machine's load, so the limit is generous).
 */
const OFFLINE_TEST_TIMEOUT_MS = 1_800_000;
/** Downloading every lesson's files from the local preview server. */
const DOWNLOAD_ALL_TIMEOUT_MS = 120_000;
/** A per-lesson file: not precached, stored by "Download all". */
const LARGE_ASSET = 'datasets/fashion-mnist.u8.gz';

/** Whether any cache holds `url` (precache keys carry a revision query, hence ignoreSearch). */
const isCached = (page: Page, url: string): Promise<boolean> =>
  page.evaluate(
    async (href) => (await caches.match(href, { ignoreSearch: true })) !== undefined,
    new URL(url, siteUrl).href,
  );

/** Resolves once a service worker controls the page, reloading once if it was installed late. */
async function waitForController(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('offline study', () => {
  test(
    'after one visit the app and every lesson work offline, all from the origin',
    async () => {
      const context = await browser().newContext();
      const origin = new URL(siteUrl).origin;
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(siteUrl);
      await waitForController(page);
      const cacheNames = await page.evaluate(() => caches.keys());
      expect(cacheNames.some((name) => name.startsWith('playgrad-precache'))).toBe(true);

      // A missing notebook stays a 404, fetched or navigated to: the service worker's
      // fallback to index.html is for the app's own pages only.
      const missing = await page.evaluate(async () => (await fetch('notebooks/nope.md')).status);
      expect(missing).toBe(404);
      // Chromium reports a 404 with an empty body as a failed navigation; index.html would be 200.
      const probe = await context.newPage();
      const navigation = await probe.goto(new URL('datasets/nope.csv', siteUrl).href).then(
        (response) => String(response?.status()),
        (error: unknown) => String(error),
      );
      expect(navigation).toMatch(/^404$|ERR_HTTP_RESPONSE_CODE_FAILURE/);
      await probe.close();

      // The large per-lesson files are not precached: the Offline page downloads them.
      expect(await isCached(page, 'course.json')).toBe(true);
      expect(await isCached(page, LARGE_ASSET)).toBe(false);
      await page.getByRole('link', { name: 'Offline' }).click();
      const lessons = page.getByTestId('lesson-assets');
      await lessons.getByRole('row', { name: /Convolutional|CNN/i }).waitFor();
      const rows = await lessons.getByTestId('lesson-assets-row').count();
      expect(rows).toBeGreaterThanOrEqual(4);
      await lessons.getByRole('button', { name: 'Download all' }).click();
      await lessons
        .getByText('Stored every lesson.')
        .or(lessons.getByRole('alert'))
        .waitFor({ timeout: DOWNLOAD_ALL_TIMEOUT_MS });
      await expect(lessons.getByRole('alert').allInnerTexts()).resolves.toEqual([]);
      const statuses = await lessons.getByTestId('lesson-assets-status').allInnerTexts();
      expect(statuses).toEqual(Array<string>(rows).fill('stored'));
      expect(await isCached(page, LARGE_ASSET)).toBe(true);
      await page.goto(siteUrl);

      await context.setOffline(true);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);

      // The app reloads from the precache and lists the course.
      await page.reload();
      await page.getByRole('link', { name: /Gradient descent/ }).waitFor();

      // The Offline page reports the service worker and what is stored.
      await page.getByRole('link', { name: 'Offline' }).click();
      await page.getByRole('heading', { name: 'Offline', level: 1 }).waitFor();
      await expect(page.getByTestId('sw-status').innerText()).resolves.toBe('active');
      await page.getByRole('cell', { name: /playgrad-precache/ }).waitFor();
      await expect(page.getByTestId('cache-total').innerText()).resolves.toMatch(/\d+(\.\d)? MB/);

      // Every lesson, run the way `playgrad run` does, on the precached runner page.
      await page.goto(new URL('runner.html', siteUrl).href);
      await page.locator('body[data-ready="true"]').waitFor();
      const slugs = await page.evaluate(async () => {
        const course = (await (await fetch('course.json')).json()) as {
          lessons: { slug: string }[];
        };
        return course.lessons.map((lesson) => lesson.slug);
      });
      expect(slugs.length).toBeGreaterThan(3);
      for (const slug of slugs) {
        const report = await page.evaluate(async (name) => {
          const text = await (await fetch(`notebooks/${name}.md`)).text();
          return window.playgradRunner.run(text, name);
        }, slug);
        // Solution cells are skipped by design (the runner substitutes them into exercises).
        const failed = report.cells.filter(
          (c) => c.status === 'error' || (c.status === 'skipped' && c.role !== 'solution'),
        );
        expect({ slug, ok: report.ok, error: report.error, failed }).toEqual({
          slug,
          ok: true,
          error: undefined,
          failed: [],
        });
      }

      const elsewhere = requests.filter((url) => {
        const parsed = new URL(url);
        return parsed.protocol.startsWith('http') && parsed.origin !== origin;
      });
      expect(elsewhere).toEqual([]);
      expect(requests.length).toBeGreaterThan(50);
      expect(errors).toEqual([]);
      await context.close();
    },
    OFFLINE_TEST_TIMEOUT_MS,
  );
});
