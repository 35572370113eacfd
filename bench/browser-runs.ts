/**
 * Bench notebooks in the real kernel: the built site, headless Chromium, one page per
 * notebook and backend, through the same runner page as `playgrad run`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Backend } from '../src/protocol/messages';
import type { NotebookReport } from '../src/ui/headless/report';
import type {} from '../src/ui/headless/runner-api';
import { launchBrowser } from '../src/cli/browser';
import { serveSite } from '../src/cli/server';
import { ensureBuilt } from '../src/cli/site';

export interface BrowserRun {
  file: string;
  requested: Backend;
  /** The backend the kernel actually used (it falls back when the requested one fails). */
  backend?: string;
  /** Threads WASM ran on, on a cross-origin isolated site. */
  threads?: number;
  printed: string;
  error?: string;
}

export async function runInBrowser(
  files: readonly string[],
  backends: readonly Backend[],
  log: (line: string) => void,
  /** Serve with COOP/COEP, so WASM runs multi-threaded (`playgrad serve --isolated`). */
  isolated = false,
): Promise<BrowserRun[]> {
  await ensureBuilt(log);
  const site = await serveSite({ isolated });
  const browser = await launchBrowser();
  try {
    const runs: BrowserRun[] = [];
    for (const requested of backends) {
      for (const file of files) {
        log(`  chromium ${requested}${isolated ? ' (isolated)' : ''}: ${path.basename(file)}`);
        runs.push(await runOne(browser, site.url, file, requested));
      }
    }
    return runs;
  } finally {
    await browser.close();
    await site.close();
  }
}

/** One site and browser kept open, for callers that run notebooks one at a time. */
export async function openKernelRunner(
  log: (line: string) => void,
): Promise<{ run(file: string, backend: Backend): Promise<BrowserRun>; close(): Promise<void> }> {
  await ensureBuilt(log);
  const site = await serveSite({ isolated: false });
  const browser = await launchBrowser();
  return {
    run: (file, backend) => runOne(browser, site.url, file, backend),
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

async function runOne(
  browser: Browser,
  siteUrl: string,
  file: string,
  requested: Backend,
): Promise<BrowserRun> {
  const page = await browser.newPage();
  try {
    await page.goto(new URL('runner.html', siteUrl).href);
    await page.waitForSelector('body[data-ready="true"]');
    const text = await readFile(file, 'utf8');
    const report: NotebookReport = await page.evaluate(
      ([text, name, backend]) => window.playgradRunner.run(text, name, backend),
      [text, path.basename(file), requested] as const,
    );
    const printed = report.cells
      .flatMap((cell) => cell.outputs)
      .map((bundle) => bundle['text/plain'])
      .filter((value): value is string => typeof value === 'string')
      .join('\n');
    const failed = report.cells.find((cell) => cell.status === 'error');
    const error =
      report.error ??
      (failed?.error ? `${failed.error.ename}: ${failed.error.message}` : undefined);
    const { backend, threads } = report;
    return { file, requested, backend, threads, printed, ...(error ? { error } : {}) };
  } finally {
    await page.close();
  }
}
