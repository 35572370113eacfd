/**
 * Keys and focus in real Chromium: Shift+Enter brings the next cell into view, Escape
 * leaves an editor (and says so under it), Escape then Tab moves on without indenting,
 * Ctrl+I and I, I stop the running cell, Restart asks before it throws state away.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  STOP_RECOVERY_TIMEOUT_MS,
  cell,
  openPage,
  setCellCode,
  useBrowser,
  waitForStatus,
} from './browser';

const { browser, siteUrl } = useBrowser();

const INTRO = `#/lesson/week1/notebooks?backend=wasm`;
const CELL_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 180_000;

/** A loop that notices Stop (progress checks between steps). */
const SPIN = [
  "import { progress } from 'playgrad';",
  "for await (const i of progress(1e9, { label: 'spin' })) { await null; }",
].join('\n');

/** Whether the focused element is on screen and not under the sticky lesson bar. */
function focusInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return false;
    const box = focused.getBoundingClientRect();
    const bar = document.querySelector('.sticky')?.getBoundingClientRect().bottom ?? 0;
    return box.top >= bar - 1 && box.top < innerHeight;
  });
}

const focusedCellId = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.closest('[data-cell-id]')?.getAttribute('data-cell-id'),
  );

describe('keys and focus', () => {
  test(
    'Shift+Enter scrolls each next cell into view',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${siteUrl}${INTRO}`);
      page.setDefaultTimeout(CELL_TIMEOUT_MS);
      await page.setViewportSize({ width: 1000, height: 600 });
      await cell(page, 'values').locator('.cm-content').click();
      // The intro's exercise ('mean') and its check (cell-7) are cells like the others.
      const ids = [
        'shared',
        'charts',
        'scatter',
        'mean',
        'cell-7',
        'tensor',
        'progress',
        'cleanup',
      ];
      for (const id of ids) {
        await page.keyboard.press('Shift+Enter');
        await expect.poll(() => focusedCellId(page)).toBe(id);
        await expect.poll(() => focusInView(page)).toBe(true);
      }
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'Escape leaves the editor (shown under it); Escape then Tab moves on unmodified',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${siteUrl}${INTRO}`);
      const values = cell(page, 'values');
      const hint = page.getByTestId('editor-hint');
      await values.locator('.cm-content').click();
      await hint.waitFor();
      await expect(hint.innerText()).resolves.toContain('Esc to leave the editor');
      expect(await values.getByTestId('editor-hint').count()).toBe(1);

      // Tab inside the editor indents (a code editor), so it is not the way out.
      await page.keyboard.press('Tab');
      await values.getByTestId('modified').waitFor();
      await values.getByRole('button', { name: 'Reset cell' }).click();
      expect(await values.getByTestId('modified').count()).toBe(0);

      await values.locator('.cm-content').click();
      await page.keyboard.press('Escape');
      await expect.poll(() => values.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await hint.count()).toBe(0);
      await page.keyboard.press('Tab');
      // Focus left the editor and the cell's code is unchanged.
      expect(await page.evaluate(() => !!document.activeElement?.closest('.cm-editor'))).toBe(
        false,
      );
      expect(await values.getByTestId('modified').count()).toBe(0);
      // Enter on the cell goes back into its editor.
      await values.focus();
      await page.keyboard.press('Enter');
      await hint.waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'Ctrl+I in the editor, and I, I on the cell, stop the running cell',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${siteUrl}${INTRO}`);
      page.setDefaultTimeout(CELL_TIMEOUT_MS);
      await setCellCode(page, 'values', SPIN);
      await page.keyboard.press('ControlOrMeta+Enter');
      await waitForStatus(page, 'values', 'running');
      await page.keyboard.press('ControlOrMeta+i');
      await waitForStatus(page, 'values', 'interrupted', STOP_RECOVERY_TIMEOUT_MS);
      // The key did not edit the code.
      await expect(cell(page, 'values').locator('.cm-content').innerText()).resolves.toContain(
        "label: 'spin'",
      );

      await page.keyboard.press('ControlOrMeta+Enter');
      await waitForStatus(page, 'values', 'running');
      // On the cell itself (as after Escape; an open completion list would take that Escape).
      await cell(page, 'values').focus();
      await page.keyboard.press('i');
      await page.keyboard.press('i');
      await waitForStatus(page, 'values', 'interrupted', STOP_RECOVERY_TIMEOUT_MS);
      await expect(cell(page, 'values').locator('.cm-content').innerText()).resolves.not.toContain(
        'ii',
      );
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'Restart asks first, naming what is lost; Cancel keeps the state',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${siteUrl}${INTRO}`);
      page.setDefaultTimeout(CELL_TIMEOUT_MS);
      await cell(page, 'values').getByRole('button', { name: /^Run/ }).click();
      await waitForStatus(page, 'values', 'ok');

      const dialog = page.getByRole('dialog', { name: 'Restart the kernel?' });
      await page.getByRole('button', { name: 'Restart' }).click();
      await dialog.waitFor();
      await expect(dialog.innerText()).resolves.toMatch(
        /Every variable, model and tensor made by the 1 cell you ran is forgotten/,
      );
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await cell(page, 'values').getAttribute('data-status')).toBe('ok');

      await page.getByRole('button', { name: 'Restart' }).click();
      await dialog.getByRole('button', { name: 'Restart' }).click();
      await waitForStatus(page, 'values', 'idle');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
