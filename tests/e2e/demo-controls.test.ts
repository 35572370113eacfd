/**
 * The demo controls of the lesson bar's More menu and the lesson's keys, in real
 * Chromium: Restart & run all, Run stale (N), Clear outputs, Ctrl+↑/↓ between cells, the
 * shortcut sheet (H, ?, the menu) and the scratch cell.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cell, openMoreMenu, openPage, setCellCode, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

const INTRO = `#/lesson/week1/notebooks?backend=wasm`;
const TEST_TIMEOUT_MS = 180_000;

const countOf = (page: Page, id: string) =>
  cell(page, id).getByLabel('Execution count').innerText();
const outputOf = (page: Page, id: string) =>
  cell(page, id).locator('[data-testid="output"]').last().innerText();
const focusedCellId = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.closest('[data-cell-id]')?.getAttribute('data-cell-id'),
  );
const editorFocused = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('cm-content') ?? false);

async function run(page: Page, id: string): Promise<void> {
  await cell(page, id).getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, id, 'ok');
}

async function menuItem(page: Page, name: string | RegExp) {
  await openMoreMenu(page);
  return page.getByTestId('more-menu').getByRole('button', { name });
}

describe('demo controls', () => {
  test(
    'Restart & run all asks first, then runs every cell in a fresh kernel',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${siteUrl}${INTRO}`);
      await run(page, 'values');
      await run(page, 'values');
      await run(page, 'shared');
      expect(await countOf(page, 'shared')).toBe('[3]');
      await (await menuItem(page, 'Restart & run all')).click();
      const dialog = page.getByRole('dialog', { name: 'Restart the kernel and run every cell?' });
      await dialog.getByRole('button', { name: 'Restart and run all' }).click();
      // A fresh kernel counts from 1 again, and the run goes on past the first cells.
      await waitForStatus(page, 'charts', 'ok');
      expect(await countOf(page, 'values')).toBe('[1]');
      expect(await countOf(page, 'shared')).toBe('[2]');
      expect(await outputOf(page, 'shared')).toBe('"Hello, learner! Squares: 1,4,9"');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'Run stale (N) re-runs the cells a change made stale and the cells edited since they ran',
    async () => {
      const { context, page } = await openPage(browser(), `${siteUrl}${INTRO}`);
      await run(page, 'values');
      await run(page, 'shared');
      expect(await (await menuItem(page, /^Run stale/)).innerText()).toBe('Run stale (0)');
      await page.keyboard.press('Escape');

      await setCellCode(page, 'values', "const greeting = 'Hi';");
      await run(page, 'values');
      await waitForStatus(page, 'shared', 'stale');
      const runStale = await menuItem(page, /^Run stale/);
      expect(await runStale.innerText()).toBe('Run stale (1)');
      await runStale.click();
      await waitForStatus(page, 'shared', 'ok');
      expect(await outputOf(page, 'shared')).toBe('"Hi, learner! Squares: 1,4,9"');

      // Edited since it ran: out of date too, though no name it uses changed.
      await setCellCode(page, 'shared', 'greeting + "!"');
      await expect
        .poll(async () => (await menuItem(page, /^Run stale/)).innerText())
        .toBe('Run stale (1)');
      await (await menuItem(page, /^Run stale/)).click();
      await expect.poll(() => outputOf(page, 'shared')).toBe('"Hi!"');
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'Clear outputs empties every cell and keeps the kernel and its variables',
    async () => {
      const { context, page } = await openPage(browser(), `${siteUrl}${INTRO}`);
      await run(page, 'values');
      await run(page, 'shared');
      const outputs = page.locator('[data-testid="lesson"] [data-testid="output"]');
      expect(await outputs.count()).toBeGreaterThan(1);
      await (await menuItem(page, 'Clear outputs')).click();
      await expect.poll(() => outputs.count()).toBe(0);
      expect(await cell(page, 'shared').getAttribute('data-status')).toBe('ok');
      await run(page, 'shared');
      expect(await outputOf(page, 'shared')).toBe('"Hello, learner! Squares: 1,4,9"');
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe('lesson keys', () => {
  test(
    'Ctrl+↓ and Ctrl+↑ move between cells, from an editor and from a cell',
    async () => {
      const { context, page } = await openPage(browser(), `${siteUrl}${INTRO}`);
      await cell(page, 'values').locator('.cm-content').click();
      await page.keyboard.press('Control+ArrowDown');
      await expect.poll(() => focusedCellId(page)).toBe('shared');
      await expect.poll(() => editorFocused(page)).toBe(true);
      await page.keyboard.press('Control+ArrowDown');
      await expect.poll(() => focusedCellId(page)).toBe('charts');
      await page.keyboard.press('Control+ArrowUp');
      await expect.poll(() => focusedCellId(page)).toBe('shared');
      // From the cell itself (after Escape) too.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+ArrowUp');
      await expect.poll(() => focusedCellId(page)).toBe('values');
      await expect.poll(() => editorFocused(page)).toBe(true);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'H or ? on a cell, and the More menu, open the sheet of every key',
    async () => {
      const { context, page } = await openPage(browser(), `${siteUrl}${INTRO}`);
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await cell(page, 'values').locator('.cm-content').click();
      // Typed in an editor, H is a letter of the code, not the sheet.
      await page.keyboard.type('h');
      expect(await sheet.isVisible()).toBe(false);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Escape');
      await page.keyboard.press('h');
      await sheet.waitFor();
      const text = await sheet.innerText();
      for (const key of ['Shift+Enter', 'Ctrl+Enter', 'Ctrl+Shift+Enter', 'Ctrl+I', 'I, I']) {
        expect(text).toContain(key);
      }
      expect(text).toContain('Ctrl+↑');
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'hidden' });

      await cell(page, 'shared').focus();
      await page.keyboard.press('Shift+?');
      await sheet.waitFor();
      await sheet.getByRole('button', { name: 'Close' }).click();
      await sheet.waitFor({ state: 'hidden' });

      await (await menuItem(page, 'Keyboard shortcuts')).click();
      await sheet.waitFor();
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe('scratch cell', () => {
  test(
    'runs in the lesson kernel, both ways, and is neither an edit nor kept after a reload',
    async () => {
      const { context, page } = await openPage(browser(), `${siteUrl}${INTRO}`);
      await run(page, 'values');
      const scratch = page.getByTestId('scratch');
      await scratch.locator('summary').click();
      const editor = scratch.locator('.cm-content, [data-testid="lazy-editor"]').first();
      await editor.click();
      await scratch.locator('.cm-content').click();
      await page.keyboard.insertText('const shout = greeting.toUpperCase();\nshout');
      await page.keyboard.press('Shift+Enter');
      await expect
        .poll(() => scratch.locator('[data-testid="output"]').last().innerText())
        .toBe('"HELLO"');
      // The lesson's cells see what the scratch cell defined, in the same kernel.
      await setCellCode(page, 'shared', 'shout.length');
      await run(page, 'shared');
      expect(await outputOf(page, 'shared')).toBe('5');
      // Only the cell edited on purpose counts as changed; the scratch code is no edit.
      expect(await page.locator('[data-testid="modified"]').count()).toBe(1);
      await page.reload();
      await page.getByTestId('scratch').locator('summary').click();
      await expect
        .poll(() =>
          page
            .getByTestId('scratch')
            .locator('.cm-content, [data-testid="lazy-editor"]')
            .first()
            .innerText()
            .then((text) => text.trim()),
        )
        .toBe('');
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
