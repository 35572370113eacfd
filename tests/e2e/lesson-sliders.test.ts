/**
 * The LLM lessons' sliders in real Chromium: moving one re-runs the cells that read it
 * (and only those), with the new value in their output — the Sampling lesson's
 * temperature and top-k, and the RAG lesson's chunk size, which rebuilds the index.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../../src/ui/session/page-api';
import { RUN_ALL_TIMEOUT_MS, cell, openPage, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

/** A whole lesson, then the slider moves, then the cells after it run again. */
const TEST_TIMEOUT_MS = 6 * RUN_ALL_TIMEOUT_MS;
/** Re-running the cells after a slider (the RAG lesson re-embeds the book). */
const RERUN_TIMEOUT_MS = 3 * RUN_ALL_TIMEOUT_MS;

/**
 * Runs the whole lesson as "Run all" does. It reports false: the exercises still hold
 * their unsolved starter code, so their checks fail — the cells these tests read must
 * have run fine.
 */
async function runWholeLesson(page: Page, mustPass: string[]): Promise<void> {
  await page.waitForFunction(() => window.playgradPage !== undefined);
  await page.evaluate(async () => {
    await window.playgradPage!.ready;
    await window.playgradPage!.runAll();
  });
  for (const id of mustPass) await waitForStatus(page, id, 'ok', RERUN_TIMEOUT_MS);
}

/** The title of the plot a cell drew last (Plotly writes it as SVG text). */
function plotTitle(page: Page, id: string) {
  return cell(page, id).locator('[data-mime="application/vnd.plotly.v1+json"] .gtitle').last();
}

const executionCount = (page: Page, id: string) =>
  cell(page, id).getByLabel('Execution count').innerText();

/** Moves a slider by `steps` with the keyboard, as a learner would. */
async function nudge(page: Page, cellId: string, name: string, steps: number): Promise<void> {
  await cell(page, cellId).getByRole('slider', { name }).focus();
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
}

describe('sliders in the LLM lessons', () => {
  test(
    'Sampling: temperature and top-k re-draw the bars that use them',
    async () => {
      const { context, page, errors } = await openPage(
        browser(),
        `${siteUrl}#/lesson/week6/sampling?backend=wasm`,
      );
      page.setDefaultTimeout(RERUN_TIMEOUT_MS);
      await runWholeLesson(page, ['tslider', 'tplot', 'kslider', 'kplot']);
      await expect(plotTitle(page, 'tplot').textContent()).resolves.toContain('T = 1.0');
      const sliderRuns = await executionCount(page, 'tslider');

      await nudge(page, 'tslider', 'temperature', 3);
      await plotTitle(page, 'tplot').filter({ hasText: 'T = 1.3' }).waitFor();
      // top-k's plot reads the warmed distribution, so it follows too.
      await plotTitle(page, 'kplot').filter({ hasText: 'T = 1.3, top-5' }).waitFor();

      await nudge(page, 'kslider', 'top-k', 2);
      await plotTitle(page, 'kplot').filter({ hasText: 'top-7: 7 tokens left' }).waitFor();
      // The slider's own cell did not run again: it kept its place and value.
      await expect(executionCount(page, 'tslider')).resolves.toBe(sliderRuns);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'RAG: a larger chunk size rebuilds the index with fewer, longer chunks',
    async () => {
      const { context, page, errors } = await openPage(
        browser(),
        `${siteUrl}#/lesson/week7/rag?backend=wasm`,
      );
      page.setDefaultTimeout(RERUN_TIMEOUT_MS);
      await runWholeLesson(page, ['size-slider', 'build']);
      const built = cell(page, 'build').locator('[data-testid="output"]').first();
      const before = await built.innerText();
      const chunksBefore = Number(/(\d+) chunks of ≤ 600 characters/.exec(before)?.[1]);
      expect(chunksBefore).toBeGreaterThan(0);

      await nudge(page, 'size-slider', 'chunk size (characters)', 4);
      await cell(page, 'build')
        .locator('[data-testid="output"]')
        .filter({ hasText: '≤ 1000 characters' })
        .waitFor();
      const after = await cell(page, 'build').locator('[data-testid="output"]').first().innerText();
      const chunksAfter = Number(/(\d+) chunks of ≤ 1000 characters/.exec(after)?.[1]);
      expect(chunksAfter).toBeGreaterThan(0);
      expect(chunksAfter).toBeLessThan(chunksBefore);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
