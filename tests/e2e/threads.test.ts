/**
 * WASM threads on a cross-origin isolated site (`playgrad serve --isolated`): the lesson
 * page runs on several threads, every file still loads under COEP, and the headless
 * runner starts one threaded kernel after another in the same page. Without the headers
 * (the default) the same pages run on one thread.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveSite, type Site } from '../../src/cli/server';
import type { NotebookReport } from '../../src/ui/headless/report';
import type {} from '../../src/ui/headless/runner-api';
import {
  LESSON,
  RUN_ALL_TIMEOUT_MS,
  cell,
  openMoreMenu,
  useAllSolutions,
  waitForRunAll,
  openPage,
  useBrowser,
  waitForStatus,
} from './browser';

const { browser, siteUrl } = useBrowser();

/** Starting a threaded kernel spawns tfjs' helper workers: allow for a loaded machine. */
const KERNEL_START_TIMEOUT_MS = 60_000;
/** Two lessons, each in a fresh kernel, one after the other. */
const TWO_NOTEBOOKS_TIMEOUT_MS = 240_000;
/** tfjs' threaded build starts 8 helper workers; backend.ts never asks for more threads. */
const MAX_THREADS = 8;

const root = path.resolve(import.meta.dirname, '../..');
const notebook = (name: string) => path.join(root, 'notebooks', `${name}.md`);

let isolated: Site | undefined;
beforeAll(async () => {
  isolated = await serveSite({ isolated: true });
});
afterAll(async () => {
  await isolated?.close();
});
const isolatedUrl = (): string => {
  if (!isolated) throw new Error('isolated site not started');
  return isolated.url;
};

/** The threads a kernel should use on this machine: one per core, at most the pool. */
async function expectedThreads(page: Page): Promise<number> {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  return Math.min(cores, MAX_THREADS);
}

/** Every request the page and its workers make that fails or is refused (COEP blocks). */
function recordFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('requestfailed', (request) => {
    failures.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    // The site has no favicon; Chromium asks for one on its own.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      failures.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  return failures;
}

async function runInRunner(page: Page, file: string): Promise<NotebookReport> {
  const text = await readFile(file, 'utf8');
  const name = path.relative(root, file);
  return page.evaluate(([text, name]) => window.playgradRunner.run(text, name, 'wasm'), [
    text,
    name,
  ] as const);
}

describe('cross-origin isolated (serve --isolated)', () => {
  test('the headers are sent; a lesson runs green on WASM threads; every file loads', async () => {
    const url = `${isolatedUrl()}#/lesson/${LESSON}?backend=wasm`;
    const response = await fetch(url);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');

    const { context, page, errors } = await openPage(browser(), 'about:blank');
    const failures = recordFailures(page);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(url);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);

    const threads = await expectedThreads(page);
    // Where the code runs is in the lesson bar's "More" menu.
    await openMoreMenu(page);
    const badge = page.getByTestId('backend');
    await badge.waitFor({ timeout: KERNEL_START_TIMEOUT_MS });
    if (threads > 1) expect(await badge.innerText()).toMatch(`WASM (${threads} threads)`);
    else expect(await badge.innerText()).toMatch(/^WASM\b(?! \()/);

    // The learner takes the solutions of the exercises, then runs the whole lesson.
    await useAllSolutions(page);
    await page.getByRole('button', { name: 'Run all' }).click();
    await waitForRunAll(page);
    const statuses = await page
      .locator('[data-cell-id]:not([data-status="static"]):not([data-cleanup])')
      .evaluateAll((cells) =>
        cells.map((c) => `${c.getAttribute('data-cell-id')}: ${c.getAttribute('data-status')}`),
      );
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.filter((s) => !s.endsWith(': ok'))).toEqual([]);
    await expect(cell(page, 'cell-6').innerText()).resolves.toContain('matches');

    expect(errors).toEqual([]);
    expect(failures).toEqual([]);
    await context.close();
  });

  test(
    'the runner starts a threaded kernel after another in the same page',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${isolatedUrl()}runner.html`);
      const failures = recordFailures(page);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
      const threads = await expectedThreads(page);

      for (const name of ['week1/gradient-descent', 'week2/data-and-tensors']) {
        const report = await runInRunner(page, notebook(name));
        const failed = report.cells.filter((c) => c.status === 'error');
        expect(failed, name).toEqual([]);
        expect(report.ok, name).toBe(true);
        expect(report.backend, name).toBe('wasm');
        expect(report.threads, name).toBe(threads > 1 ? threads : undefined);
        expect(report.tensors, name).toBe(0);
      }
      expect(errors).toEqual([]);
      expect(failures).toEqual([]);
      await context.close();
    },
    TWO_NOTEBOOKS_TIMEOUT_MS,
  );
});

describe('not isolated (the default serve and `playgrad run`)', () => {
  test('the runner has no headers and runs WASM on one thread', async () => {
    const response = await fetch(`${siteUrl}runner.html`);
    expect(response.headers.get('cross-origin-embedder-policy')).toBeNull();
    const { context, page, errors } = await openPage(browser(), `${siteUrl}runner.html`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    const report = await runInRunner(page, notebook('week1/gradient-descent'));
    expect(report.ok).toBe(true);
    expect(report.backend).toBe('wasm');
    expect(report.threads).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });
});
