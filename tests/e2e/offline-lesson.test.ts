/**
 * Offline that tells the truth: a lesson opened online stores every file it declares
 * (course.json `assets`) in the background, without running a cell, and says so in its
 * facts line; offline it then runs from the origin alone, and the course index marks it
 * "Ready offline" — and not a lesson never opened.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cell, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

/** Precaching the app (~26 MB), storing Fashion-MNIST (~6 MB), one load cell; a loaded machine is slow. */
const TEST_TIMEOUT_MS = 300_000;
/** From the first visit to "Ready offline": the service worker's install, then the lesson's files. */
const READY_OFFLINE_TIMEOUT_MS = 180_000;
/** The load cell decodes 6 MB of images and draws 16 of them (it runs twice). */
const LOAD_CELL_TIMEOUT_MS = 90_000;

const OPENED = 'week5/mlp';
const NEVER_OPENED = 'week5/cnn';

const facts = (page: Page) => page.getByTestId('lesson').locator('.facts');
const mark = (page: Page, slug: string) =>
  page.locator(`[data-testid="offline-mark"][data-slug="${slug}"]`);

async function runLoadCell(page: Page): Promise<void> {
  await cell(page, 'load').getByRole('button', { name: 'Run cell load' }).click();
  await waitForStatus(page, 'load', 'ok', LOAD_CELL_TIMEOUT_MS);
  await expect(cell(page, 'load').innerText()).resolves.not.toMatch(/Failed to fetch/);
}

describe('offline lesson', () => {
  test(
    'opening a lesson online stores its dataset; offline it runs and the index marks it',
    async () => {
      const context = await browser().newContext();
      const origin = new URL(siteUrl).origin;
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      // Online, first visit: open the lesson and run nothing.
      await page.goto(`${siteUrl}#/lesson/${OPENED}`);
      await cell(page, 'load').waitFor();
      await facts(page).getByText('Ready offline').waitFor({ timeout: READY_OFFLINE_TIMEOUT_MS });
      await expect(facts(page).innerText()).resolves.not.toMatch(/Not saved/);
      // Nothing ran: the dataset was stored by opening the lesson, not by its load cell.
      const statuses = await page
        .getByTestId('cell')
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
      expect(statuses.length).toBeGreaterThan(3);
      expect(statuses.filter((status) => status !== 'idle')).toEqual([]);

      await context.setOffline(true);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      // Offline, the load cell finds Fashion-MNIST in the browser: in this very page (the
      // first visit, which the service worker claimed), and after a reload.
      await runLoadCell(page);
      await page.reload();
      await runLoadCell(page);
      await facts(page).getByText('Ready offline').waitFor();

      // The index, offline: the opened lesson is marked, the one never opened is not.
      await page.goto(`${siteUrl}#/`);
      await mark(page, OPENED).and(page.locator('[data-ready="true"]')).waitFor();
      await expect(mark(page, OPENED).innerText()).resolves.toBe('Ready offline');
      // Its check has finished (a positive control for the absence below).
      await mark(page, NEVER_OPENED)
        .and(page.locator('[data-ready]'))
        .waitFor({ state: 'attached' });
      await expect(mark(page, NEVER_OPENED).getAttribute('data-ready')).resolves.toBe('false');
      await expect(mark(page, NEVER_OPENED).innerText()).resolves.toBe('');

      // The Offline page agrees: the opened lesson's files are stored, the other's are not.
      await page.goto(`${siteUrl}#/offline`);
      const lessons = page.getByTestId('lesson-assets');
      const status = (title: RegExp) =>
        lessons
          .getByTestId('lesson-assets-row')
          .filter({ hasText: title })
          .getByTestId('lesson-assets-status')
          .innerText();
      await expect(status(/Neural networks \(MLP\)/)).resolves.toBe('stored');
      await expect(status(/Convolutional/)).resolves.toBe('not stored');
      await expect(page.getByTestId('lesson').count()).resolves.toBe(0);
      await expect(page.locator('#offline-title ~ p').first().innerText()).resolves.toContain(
        'Ready offline',
      );

      const elsewhere = requests.filter((url) => {
        const parsed = new URL(url);
        return parsed.protocol.startsWith('http') && parsed.origin !== origin;
      });
      expect(elsewhere).toEqual([]);
      expect(requests.length).toBeGreaterThan(20);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
