/**
 * Lesson kernels that survive navigation, in real Chromium: leaving a lesson for the index
 * and coming back keeps its outputs, its variables and its widgets; at most three lesson
 * kernels stay alive (the least recently used says it was shut down); a reload says what
 * it lost.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cell, openPage, setCellCode, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

const INTRO = 'week1/notebooks';
const CELL_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 240_000;

const lessonUrl = (slug: string) => `#/lesson/${slug}?backend=wasm`;
const output = (page: Page, id: string) => cell(page, id).locator('[data-testid="output"]').first();

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((to) => (location.hash = to), hash);
}

async function openLesson(page: Page, slug: string): Promise<void> {
  await goTo(page, lessonUrl(slug));
  await page
    .locator(`[data-testid="lesson"][data-slug="${slug}"] [data-cell-id]`)
    .first()
    .waitFor();
}

async function runCode(page: Page, id: string, code: string): Promise<void> {
  await setCellCode(page, id, code);
  await page.keyboard.press('ControlOrMeta+Enter');
  await waitForStatus(page, id, 'ok', CELL_TIMEOUT_MS);
}

describe('a lesson’s kernel lives while the tab lives', () => {
  test(
    'to the index and back: outputs, variables and a slider still work',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${siteUrl}${lessonUrl(INTRO)}`);
      page.setDefaultTimeout(CELL_TIMEOUT_MS);
      await runCode(
        page,
        'values',
        [
          "import { inputs } from 'playgrad';",
          'const kept = 41;',
          "const n = inputs.slider({ label: 'n', min: 1, max: 9, step: 1, value: 2 });",
          'n',
        ].join('\n'),
      );
      await runCode(page, 'shared', '`n is ${n.value}`');
      await expect(output(page, 'shared').innerText()).resolves.toContain('n is 2');

      await goTo(page, '#/');
      await page
        .getByRole('link', { name: /Gradient descent/ })
        .first()
        .waitFor();
      await openLesson(page, INTRO);

      // The outputs are back without running anything, and the kernel still knows `kept`.
      await expect(output(page, 'shared').innerText()).resolves.toContain('n is 2');
      expect(await page.getByRole('alert').count()).toBe(0);
      await runCode(page, 'tensor', 'kept + 1');
      await expect(output(page, 'tensor').innerText()).resolves.toBe('42');

      // The slider still re-runs the cell that reads it.
      await cell(page, 'values').getByRole('slider', { name: 'n' }).focus();
      await page.keyboard.press('ArrowRight');
      await output(page, 'shared').filter({ hasText: 'n is 3' }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a fourth lesson shuts down the least recently used kernel, which says so',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${siteUrl}${lessonUrl(INTRO)}`);
      page.setDefaultTimeout(CELL_TIMEOUT_MS);
      await runCode(page, 'values', 'const kept = 41; kept');
      for (const slug of ['week1/gradient-descent', 'week2/data-and-tensors', 'week2/pca']) {
        await openLesson(page, slug);
        await page.getByTestId('kernel-state').filter({ hasText: 'Ready' }).waitFor();
      }
      await openLesson(page, INTRO);
      const banner = page.getByRole('alert').filter({ hasText: 'shut down' });
      await banner.waitFor();
      await expect(banner.innerText()).resolves.toContain('your code edits are kept');
      // "Re-run" brings the state back in one click.
      await banner.getByRole('button', { name: /Re-run/ }).click();
      await waitForStatus(page, 'values', 'ok');
      await runCode(page, 'shared', 'kept + 1');
      await expect(output(page, 'shared').innerText()).resolves.toBe('42');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a reload says the outputs and variables are gone and the code is kept',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${siteUrl}${lessonUrl(INTRO)}`);
      page.setDefaultTimeout(CELL_TIMEOUT_MS);
      // Positive control: a lesson that has not run anything says nothing.
      await page.locator('[data-cell-id="values"]').waitFor();
      await page.getByTestId('kernel-state').filter({ hasText: 'Ready' }).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);

      await runCode(page, 'values', 'const kept = 41; kept');
      await page.reload();
      const banner = page.getByRole('alert').filter({ hasText: 'The page was reloaded' });
      await banner.waitFor();
      await expect(banner.innerText()).resolves.toContain(
        'The page was reloaded: outputs and variables from your last session are gone; your code edits are kept',
      );
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
