/** Shared set-up for the end-to-end tests: one Chromium per test file, a fresh context per test. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../src/cli/browser';

/** Longest a lesson's "Run all" may take on two cores without a GPU. */
export const RUN_ALL_TIMEOUT_MS = 90_000;
/** Stop must bring the kernel back within a few seconds. */
export const STOP_RECOVERY_TIMEOUT_MS = 10_000;

export const LESSON = 'week1/gradient-descent';

export function useBrowser(): { browser: () => Browser; siteUrl: string } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
    siteUrl: inject('siteUrl'),
  };
}

/** A fresh context (its own IndexedDB) and page that records page errors. */
export async function openPage(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  // The service worker would precache the app (~26 MB) in every fresh context;
  // only the offline test needs it (it makes its own context).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { context, page, errors };
}

export function cell(page: Page, id: string) {
  return page.locator(`[data-cell-id="${id}"]`);
}

/** Replaces a cell's code by typing into its editor, as a learner would. */
export async function setCellCode(page: Page, id: string, code: string): Promise<void> {
  const editor = cell(page, id).locator('.cm-content').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

export async function cellCode(page: Page, id: string): Promise<string> {
  return cell(page, id)
    .locator('.cm-content')
    .first()
    .evaluate((el) =>
      Array.from(el.querySelectorAll('.cm-line'))
        .map((line) => line.textContent ?? '')
        .join('\n'),
    );
}

export async function waitForStatus(page: Page, id: string, status: string, timeout = 60_000) {
  await cell(page, id)
    .and(page.locator(`[data-status="${status}"]`))
    .waitFor({ timeout });
}

/** Opens the lesson bar's "More" menu (backend, Measure again, Reset lesson, teaching tools). */
export async function openMoreMenu(page: Page): Promise<void> {
  const menu = page.getByTestId('more-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').first().click();
}

/**
 * Reveals every exercise's solution and puts it in its exercise, as a learner who wants
 * the whole lesson green would (the page asks to confirm: accept its dialogs first).
 */
export async function useAllSolutions(page: Page): Promise<void> {
  const solutions = page.locator('[data-testid="solution"]');
  const count = await solutions.count();
  for (let i = 0; i < count; i++) {
    await solutions.nth(i).getByRole('button', { name: 'Reveal solution' }).click();
    await solutions
      .nth(i)
      .getByRole('button', { name: 'Use this solution in the exercise' })
      .click();
  }
}

/** Waits until Run all is over: nothing queued or running, the last cell it runs done. */
export async function waitForRunAll(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      // Run all skips cleanup cells: the last cell it runs is the last of the others.
      const cells = Array.from(
        document.querySelectorAll('[data-testid="cell"]:not([data-cleanup])'),
      );
      const last = cells.at(-1)?.getAttribute('data-status');
      return (
        (last === 'ok' || last === 'error') &&
        cells.every((c) => !['queued', 'running'].includes(c.getAttribute('data-status') ?? ''))
      );
    },
    undefined,
    { timeout: RUN_ALL_TIMEOUT_MS, polling: 250 },
  );
}
