/**
 * The run model a learner can predict, in real Chromium on the gradient-descent lesson:
 * Run all leaves the cleanup cell alone (so the lesson's experiments still work after
 * it), "Re-run cells above" means above, a check grades the exercise's current code,
 * a revealed solution is not "solved", present mode runs what a section needs, and
 * Restart marks the cell it cut short.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { lessonModel } from '../../src/notebook/lesson';
import { parse } from '../../src/notebook/parse';
import {
  LESSON,
  RUN_ALL_TIMEOUT_MS,
  STOP_RECOVERY_TIMEOUT_MS,
  cell,
  openPage,
  setCellCode,
  useBrowser,
  waitForStatus,
} from './browser';

const { browser, siteUrl } = useBrowser();

const CELL_RUN_TIMEOUT_MS = 60_000;
/** Plotly's lazy load can hold the page's main thread for seconds on two busy cores. */
const ACTION_TIMEOUT_MS = 90_000;
const TEST_TIMEOUT_MS = 400_000;
const CHECK = 'cell-6';

const solution = (): string => {
  const file = path.resolve(import.meta.dirname, `../../notebooks/${LESSON}.md`);
  const grad = lessonModel(parse(readFileSync(file, 'utf8')).cells).exercise('grad');
  if (!grad?.solution) throw new Error('the lesson lost its gradient solution');
  return grad.solution.source;
};

/** Opens the lesson, accepting (and recording) every confirmation. */
async function openLesson(hash = `#/lesson/${LESSON}`) {
  const opened = await openPage(browser(), `${siteUrl}${hash}`);
  opened.page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const dialogs: string[] = [];
  opened.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  return { ...opened, dialogs };
}

async function runCell(page: Page, id: string): Promise<void> {
  await cell(page, id)
    .getByRole('button', { name: `Run cell ${id}` })
    .click();
}

const verdict = (page: Page) => page.locator('[data-testid="verdict"][data-for="grad"]');

describe('Run all and cleanup', () => {
  test(
    'Run all skips cleanup: the learning-rate experiment works after it; re-run above means above',
    async () => {
      const { context, page, errors } = await openLesson();
      await page.getByRole('button', { name: 'Run all' }).click();
      await waitForStatus(page, 'rates', 'ok', RUN_ALL_TIMEOUT_MS);
      // The cleanup cell did not run (and says why): the lesson's tensors are still there.
      expect(await cell(page, 'cleanup').getAttribute('data-status')).toBe('idle');
      await expect(cell(page, 'cleanup').getByTestId('cleanup-note').innerText()).resolves.toBe(
        'Cleanup — frees memory when you are done; Run all skips it',
      );

      // The exercise is still the TODO: the failing check says the cells below are off.
      await expect(verdict(page).innerText()).resolves.toMatch(/^Not yet/);
      await expect(
        page.locator(`[data-testid="unfinished-note"][data-for="grad"]`).innerText(),
      ).resolves.toMatch(/Cells below use your unfinished exercise \(train\)/);

      // "Try a few rates of your own, for example 0.24 and 0.26."
      await setCellCode(
        page,
        'rates',
        [
          'const curves: plot.Series[] = [];',
          'for (const lr of [0.24, 0.26]) {',
          '  const run = await descend(lr, 20);',
          '  curves.push({ name: `lr = ${lr}`, y: run.losses });',
          '  tf.dispose([run.w, run.b]);',
          '}',
          'curves.length',
        ].join('\n'),
      );
      await runCell(page, 'rates');
      await waitForStatus(page, 'rates', 'ok', CELL_RUN_TIMEOUT_MS);
      await expect(
        cell(page, 'rates').locator('[data-testid="output"]').last().innerText(),
      ).resolves.toBe('2');

      // Stop a runaway second cell: only the one cell above it is offered again.
      await setCellCode(page, 'tensors', 'while (true) {}');
      await runCell(page, 'tensors');
      await waitForStatus(page, 'tensors', 'running');
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      const banner = page.getByRole('alert').filter({ hasText: /state was lost/i });
      await banner.waitFor({ timeout: STOP_RECOVERY_TIMEOUT_MS });
      await banner.getByRole('button', { name: 'Re-run cells above (1)' }).waitFor();

      // Re-running brings back what the new kernel lost.
      await page.getByRole('button', { name: 'Re-run cells above (1)' }).click();
      await waitForStatus(page, 'load', 'ok', CELL_RUN_TIMEOUT_MS);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe('checks grade the current exercise', () => {
  test(
    'an edited exercise runs before its check; a failing one blocks the check',
    async () => {
      const { context, page, errors } = await openLesson(`#/lesson/${LESSON}?section=the-gradient`);
      for (const id of ['load', 'tensors', 'model']) {
        await runCell(page, id);
        await waitForStatus(page, id, 'ok', CELL_RUN_TIMEOUT_MS);
      }

      // The exercise never ran: the check runs it first.
      await runCell(page, CHECK);
      await waitForStatus(page, CHECK, 'error', CELL_RUN_TIMEOUT_MS);
      await expect(verdict(page).innerText()).resolves.toBe(
        'Not yet: dw is all zeros: is it still the TODO?',
      );

      // Correct code, not run: the check runs it first and grades it.
      await setCellCode(page, 'grad', solution());
      await runCell(page, CHECK);
      await waitForStatus(page, CHECK, 'ok', CELL_RUN_TIMEOUT_MS);
      await expect(verdict(page).innerText()).resolves.toBe('Correct — well done');
      expect(await cell(page, 'grad').getAttribute('data-status')).toBe('ok');
      await page.locator('[data-testid="solved"][data-how="solved"]').waitFor();

      // A syntax error: the check does not grade the previous version.
      await setCellCode(page, 'grad', 'function gradient( {');
      await runCell(page, CHECK);
      await waitForStatus(page, CHECK, 'error', CELL_RUN_TIMEOUT_MS);
      await expect(verdict(page).innerText()).resolves.toMatch(
        /^Your exercise cell failed — fix it first/,
      );
      expect(await cell(page, 'grad').getAttribute('data-status')).toBe('error');

      // The grader's code is folded away, and so is its error: the verdict says it.
      expect(await cell(page, CHECK).locator('.cm-editor').count()).toBe(0);
      expect(await cell(page, CHECK).locator('[data-testid="output"]').count()).toBe(0);
      await cell(page, CHECK).getByTestId('toggle-check-code').click();
      await cell(page, CHECK).locator('.cm-editor').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a revealed solution is recorded as revealed, not solved, on the page and the index',
    async () => {
      const { context, page, errors, dialogs } = await openLesson(
        `#/lesson/${LESSON}?section=the-gradient`,
      );
      for (const id of ['load', 'tensors', 'model']) {
        await runCell(page, id);
        await waitForStatus(page, id, 'ok', CELL_RUN_TIMEOUT_MS);
      }
      const extras = page.locator('[data-testid="exercise-extras"][data-for="grad"]');
      await extras.getByRole('button', { name: 'Reveal solution' }).click();
      await extras.getByRole('button', { name: 'Use this solution in the exercise' }).click();
      expect(dialogs).toHaveLength(2);
      await runCell(page, 'grad');
      await waitForStatus(page, 'grad', 'ok', CELL_RUN_TIMEOUT_MS);
      await runCell(page, CHECK);
      await waitForStatus(page, CHECK, 'ok', CELL_RUN_TIMEOUT_MS);
      const solved = extras.getByTestId('solved');
      await expect(solved.innerText()).resolves.toBe('✓ Solved with the solution');

      await page.reload();
      await expect(
        page
          .locator('[data-testid="exercise-extras"][data-for="grad"] [data-testid="solved"]')
          .innerText(),
      ).resolves.toBe('✓ Solved with the solution');
      await page.goto(siteUrl);
      const card = page.locator('li.card', {
        has: page.getByRole('link', { name: 'Gradient descent' }),
      });
      await expect
        .poll(() => card.getByTestId('solved-count').innerText())
        .toBe('0 of 4 exercises solved, 1 with the solution');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe('Run to here', () => {
  test('runs every cell from the top down to this one: button and Ctrl+Shift+Enter', async () => {
    const { context, page, errors } = await openLesson();
    await cell(page, 'tensors').locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+Shift+Enter');
    await waitForStatus(page, 'tensors', 'ok', CELL_RUN_TIMEOUT_MS);
    expect(await cell(page, 'load').getAttribute('data-status')).toBe('ok');
    expect(await cell(page, 'model').getAttribute('data-status')).toBe('idle');
    // The shortcut ran the cells; it typed nothing into the editor.
    expect(await cell(page, 'tensors').getByTestId('modified').count()).toBe(0);
    await cell(page, 'model').getByTestId('run-to-here').click();
    await waitForStatus(page, 'model', 'ok', CELL_RUN_TIMEOUT_MS);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('present mode and Restart', () => {
  test(
    'a mid-lesson section runs the earlier cells it needs, after asking once',
    async () => {
      const { context, page, errors, dialogs } = await openLesson(
        `#/lesson/${LESSON}?view=present&section=walking-downhill`,
      );
      await page.getByTestId('present').waitFor();
      await runCell(page, 'train');
      await waitForStatus(page, 'train', 'ok', RUN_ALL_TIMEOUT_MS);
      expect(dialogs).toEqual(['This section needs 5 earlier cells. Run them first?']);
      await expect(
        cell(page, 'train').locator('[data-testid="output"]').last().innerText(),
      ).resolves.toMatch(/^\d/);
      // Everything it needs has run now: running it again asks nothing.
      await runCell(page, 'train');
      await waitForStatus(page, 'train', 'ok', RUN_ALL_TIMEOUT_MS);
      expect(dialogs).toHaveLength(1);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test('Restart marks the cell it cut short', async () => {
    const { context, page, errors } = await openLesson();
    await setCellCode(page, 'load', 'while (true) {}');
    await runCell(page, 'load');
    await waitForStatus(page, 'load', 'running');
    await page.getByRole('button', { name: 'Restart', exact: true }).click();
    await waitForStatus(page, 'load', 'interrupted', STOP_RECOVERY_TIMEOUT_MS);
    await expect(cell(page, 'load').innerText()).resolves.toMatch(
      /Stopped — the kernel was restarted/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
