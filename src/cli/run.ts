/**
 * `playgrad run`: executes notebooks the way a learner would — in headless Chromium, in
 * the real kernel, against the built site. Notebook files may live anywhere on disk:
 * their text is handed to the runner page, which runs it with the site's datasets.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Backend, ChatEndpointSettings } from '../protocol/messages';
import type { CellReport, NotebookReport } from '../ui/headless/report';
import type {} from '../ui/headless/runner-api';
import { launchBrowser } from './browser';
import { notebookText } from './notebook-text';
import { cellLine, notebookLine } from './print';
import { ensureBuilt } from './site';
import { serveSite } from './server';

export interface RunCommandOptions {
  backend: Backend | 'auto';
  /** Write a line per cell with this (stderr under --json, stdout otherwise). */
  log: (line: string) => void;
  /** Print browser console messages, for debugging a lesson. */
  verbose?: boolean;
  /** The OpenAI-compatible endpoint `llm.chat` uses; none: the offline model. */
  chat?: ChatEndpointSettings;
  /** Run on past a failing cell (nbconvert's --allow-errors); the report still fails. */
  allowErrors?: boolean;
}

export async function runNotebookFiles(
  files: string[],
  options: RunCommandOptions,
): Promise<NotebookReport[]> {
  // Fail on a missing file before spending time on a build and a browser.
  await Promise.all(
    files.map((file) =>
      access(file).catch(() => {
        throw new Error(`Cannot read ${file}: no such file`);
      }),
    ),
  );
  await ensureBuilt(options.log);
  const site = await serveSite();
  const browser = await launchBrowser();
  try {
    const reports: NotebookReport[] = [];
    for (const file of files) {
      reports.push(await runOne(browser, site.url, file, options));
    }
    return reports;
  } finally {
    await browser.close();
    await site.close();
  }
}

async function runOne(
  browser: Browser,
  siteUrl: string,
  file: string,
  options: RunCommandOptions,
): Promise<NotebookReport> {
  const name = path.relative(process.cwd(), file) || file;
  options.log(name);
  const read = notebookText(name, await readFile(file, 'utf8'));
  if ('error' in read) {
    const report: NotebookReport = {
      notebook: name,
      ok: false,
      ms: 0,
      cells: [],
      error: read.error,
    };
    options.log(notebookLine(report));
    return report;
  }
  const { text } = read;
  const page = await browser.newPage();
  try {
    if (options.verbose) page.on('console', (m) => options.log(`    [browser] ${m.text()}`));
    page.on('pageerror', (error) => options.log(`    [page error] ${error.message}`));
    await page.exposeFunction('playgradReportCell', (cell: CellReport) =>
      options.log(cellLine(cell)),
    );
    await page.goto(new URL('runner.html', siteUrl).href);
    await page.waitForSelector('body[data-ready="true"]');
    const report = await page.evaluate(
      ([text, name, backend, chat, allowErrors]) =>
        window.playgradRunner.run(text, name, backend, chat, { allowErrors }),
      [text, name, options.backend, options.chat, options.allowErrors ?? false] as const,
    );
    options.log(notebookLine(report));
    return report;
  } finally {
    await page.close();
  }
}
