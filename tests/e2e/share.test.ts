/**
 * Sharing a lesson: export (.md / .ipynb) with the learner's code, import by file picker
 * and by drop, links that carry edits, and the "Reset for the next class" dialog. Every
 * import is checked to run nothing: cells stay idle and the kernel gets no "execute".
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { parse } from '../../src/notebook/parse';
import { LESSON, cell, cellCode, openMoreMenu, setCellCode, useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();
const lessonUrl = () => `${siteUrl}#/lesson/${LESSON}`;
/** Long enough for the debounced autosave to reach IndexedDB on a loaded machine. */
const SAVED_TIMEOUT_MS = 30_000;
/** Any one step of the UI (a panel, a download, an editor) on two busy cores. */
const UI_TIMEOUT_MS = 60_000;
/** A test opens one or two lessons, each starting a kernel. */
const SHARE_TEST_TIMEOUT_MS = 300_000;
/** Reading, matching and planning an import on a loaded two-core machine. */
const IMPORT_TIMEOUT_MS = 60_000;
const EDIT = '// my own model\nconst predict = (x: number) => 2 * x;';

declare global {
  interface Window {
    kernelRequests?: string[];
  }
}

/**
 * A fresh context whose pages record every request type sent to a kernel: the kernel runs
 * in a sandboxed frame and takes its requests on a MessagePort (a same-origin worker, as in
 * `vite` dev, through Worker.postMessage): both are recorded.
 */
async function open(b: Browser, url: string): Promise<Page> {
  const context = await b.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    window.kernelRequests = [];
    const record = (message: unknown): void => {
      const type = (message as { type?: unknown } | null)?.type;
      window.kernelRequests?.push(typeof type === 'string' ? type : '?');
    };
    const postToWorker = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
      record(message);
      return postToWorker.call(this, message, ...rest);
    } as Worker['postMessage'];
    const postToPort = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (
      this: MessagePort,
      message: unknown,
      ...rest: never[]
    ) {
      record(message);
      return postToPort.call(this, message, ...rest);
    } as MessagePort['postMessage'];
  });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.goto(url);
  return page;
}

/** expect.poll with a timeout fit for a loaded machine (its default is one second). */
function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: UI_TIMEOUT_MS });
}

async function expectNothingRan(page: Page): Promise<void> {
  const statuses = await page
    .locator('[data-testid="cell"]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['idle']));
  const requests = await page.evaluate(() => window.kernelRequests ?? []);
  expect(requests.filter((type) => type === 'execute')).toEqual([]);
}

function storedEdits(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('playgrad');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('edits').objectStore('edits').getAll();
          all.onsuccess = () => {
            const records = all.result as { cellId: string; source: string }[];
            resolve(Object.fromEntries(records.map((r) => [r.cellId, r.source])));
            request.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Drops a file made in the page (so a 50 MB one costs nothing to send) on an element. */
async function dropFile(
  page: Page,
  selector: string,
  file: { name: string; text?: string; bytes?: number },
): Promise<void> {
  await page.evaluate(
    ({ selector, file }) => {
      const content = file.text ?? new Uint8Array(file.bytes ?? 0);
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], file.name));
      const target = document.querySelector(selector);
      if (!target) throw new Error(`nothing matches ${selector}`);
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
      }
    },
    { selector, file },
  );
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).first().click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Types EDIT into the model cell and waits until the editor holds exactly that. */
async function editModel(page: Page): Promise<void> {
  await setCellCode(page, 'model', EDIT);
  await poll(() => cellCode(page, 'model')).toBe(EDIT);
}

test(
  'Export .md carries the edit; importing it with the file picker loads it, runs nothing',
  async () => {
    const page = await open(browser(), lessonUrl());
    const original = await cellCode(page, 'model');
    await editModel(page);
    const md = await download(page, 'Export .md');
    expect(md.name).toBe('week1-gradient-descent.md');
    const exported = parse(md.text);
    const model = exported.cells.find((c) => c.id === 'model');
    expect(model?.kind === 'code' && model.source).toBe(EDIT);
    expect(exported.frontMatter.title).toBe('Gradient descent');

    const ipynb = await download(page, 'Export .ipynb');
    expect(ipynb.name).toBe('week1-gradient-descent.ipynb');
    const json = JSON.parse(ipynb.text) as { metadata: { playgrad: { slug: string } } };
    expect(json.metadata.playgrad.slug).toBe(LESSON);
    await page.context().close();

    // A fresh browser profile: the index, the file picker.
    const fresh = await open(browser(), `${siteUrl}#/`);
    await fresh.getByRole('button', { name: 'Import a notebook…' }).waitFor();
    await fresh.getByTestId('import-file').setInputFiles({
      name: md.name,
      mimeType: 'text/markdown',
      buffer: Buffer.from(md.text),
    });
    const panel = fresh.getByTestId('import-panel');
    await panel.getByText(/is the lesson Gradient descent.*This changes 1 cell: model\./).waitFor();
    await panel.getByRole('button', { name: 'Load into the lesson (1 cell)' }).click();
    await cell(fresh, 'model').locator('.cm-content').waitFor();
    await poll(() => cellCode(fresh, 'model')).toBe(EDIT);
    expect(await cellCode(fresh, 'model')).not.toBe(original);
    expect(await storedEdits(fresh)).toEqual({ model: EDIT });
    await expectNothingRan(fresh);
    // The lesson says where that code came from, until the learner runs something.
    const origin = fresh.getByTestId('code-origin');
    await poll(() => origin.locator('p').innerText()).toMatch(
      /Code from the file “week1-gradient-descent\.md” \(loaded on .+\) is in 1 cell: model\. Nothing has run/,
    );
    await cell(fresh, 'load').getByTestId('run-cell').click();
    await origin.waitFor({ state: 'detached' });
    await fresh.context().close();
  },
  SHARE_TEST_TIMEOUT_MS,
);

test(
  'a notebook dropped on a code editor becomes "your notebook", opens idle, runs on request',
  async () => {
    const page = await open(browser(), lessonUrl());
    await cell(page, 'model').locator('.cm-content').waitFor();
    const before = await cellCode(page, 'model');
    // A file from anywhere: its prose is sanitized like a lesson's (no handler runs).
    const text =
      '---\ntitle: My experiments\nweek: 9\norder: 1\n---\n\n# Mine\n\n' +
      '<img src="missing.png" onerror="window.pwned = true">\n\n```ts\n6 * 7\n```\n';
    await dropFile(page, '[data-cell-id="model"] .cm-content', { name: 'mine.md', text });
    const panel = page.getByTestId('import-panel');
    await panel.getByText('“My experiments” is now in Your notebooks. Nothing has run.').waitFor();
    // The drop did not paste the file into the editor.
    expect(await cellCode(page, 'model')).toBe(before);

    await panel.getByRole('link', { name: 'Open it' }).click();
    await page.getByTestId('notebook').getByText('Your notebook, imported').waitFor();
    await cell(page, 'cell-1').locator('.cm-content').waitFor();
    await expectNothingRan(page);
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);

    await page.goto(`${siteUrl}#/`);
    const list = page.getByRole('region', { name: 'Your notebooks' });
    await list.getByRole('link', { name: 'My experiments' }).click();
    await cell(page, 'cell-1').getByTestId('run-cell').click();
    await cell(page, 'cell-1').getByText('42').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => window.kernelRequests?.includes('execute'))).toBe(true);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { name: 'Week 1', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Your notebooks' }).count()).toBe(0);
    await page.context().close();
  },
  SHARE_TEST_TIMEOUT_MS,
);

test(
  'malformed or oversized files each give a message and change nothing stored',
  async () => {
    const page = await open(browser(), lessonUrl());
    await editModel(page);
    await expect
      .poll(() => storedEdits(page), { timeout: SAVED_TIMEOUT_MS })
      .toEqual({
        model: EDIT,
      });
    const picker = page.getByTestId('import-file');
    const panel = page.getByTestId('import-panel');
    const bad: [string, string, RegExp][] = [
      [
        'front.md',
        '---\ntitle: [broken\nweek: 1\n---\n',
        /"front.md" could not be imported:.*line/,
      ],
      [
        'fence.md',
        '---\ntitle: T\nweek: 1\norder: 1\n---\n\n```ts\nconst x = 1;\n',
        /code fence opened at line 7 is never closed/,
      ],
      [
        'broken.ipynb',
        '{"nbformat": 4,\n "cells": [}',
        /not valid JSON \(line 2, column 12: expected a value\)/,
      ],
      ['notes.txt', 'hello', /"notes.txt" is not a notebook/],
    ];
    for (const [name, text, message] of bad) {
      await picker.setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
      await panel.getByText(message).waitFor();
      await panel.getByText('Nothing was changed.').waitFor();
      await panel.getByRole('button', { name: 'Dismiss' }).click();
    }
    await dropFile(page, 'main', { name: 'huge.ipynb', bytes: 50 * 1024 * 1024 });
    await panel
      .getByText('"huge.ipynb" is 50 MB; notebooks up to 5.0 MB can be imported.')
      .waitFor();

    expect(await cellCode(page, 'model')).toBe(EDIT);
    expect(await storedEdits(page)).toEqual({ model: EDIT });
    await page.reload();
    await cell(page, 'model').locator('.cm-content').waitFor();
    expect(await cellCode(page, 'model')).toBe(EDIT);
    const kept = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const request = indexedDB.open('playgrad-imports');
          request.onsuccess = () => {
            const db = request.result;
            if (!db.objectStoreNames.contains('notebooks')) return resolve(0);
            const count = db.transaction('notebooks').objectStore('notebooks').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(kept).toBe(0);
    await page.context().close();
  },
  SHARE_TEST_TIMEOUT_MS,
);

test(
  'a link with edits asks first; Apply saves them, runs nothing; a damaged link says so',
  async () => {
    const page = await open(browser(), lessonUrl());
    await editModel(page);
    await page.getByRole('button', { name: 'Copy link with my edits' }).click();
    const share = page.getByTestId('share-link');
    await share.getByText(/carries your changes to 1 cell/).waitFor();
    const link = await share.getByRole('textbox').inputValue();
    expect(link).toMatch(/#\/lesson\/week1\/gradient-descent\?edits=[\w-]+$/);
    await page.context().close();

    const fresh = await open(browser(), link);
    const notice = fresh.getByTestId('link-notice');
    await notice.getByText('This link carries changes to 1 cell. Nothing has run.').waitFor();
    expect(await cellCode(fresh, 'model')).not.toBe(EDIT);
    await notice.getByRole('button', { name: 'Apply' }).click();
    await poll(() => cellCode(fresh, 'model')).toBe(EDIT);
    await expect
      .poll(() => storedEdits(fresh), { timeout: SAVED_TIMEOUT_MS })
      .toEqual({
        model: EDIT,
      });
    expect(await fresh.evaluate(() => location.hash)).toBe(`#/lesson/${LESSON}`);
    await expectNothingRan(fresh);
    await fresh.context().close();

    const damaged = await open(
      browser(),
      `${lessonUrl()}?edits=${link.split('edits=')[1].slice(5)}`,
    );
    await damaged
      .getByTestId('link-notice')
      .getByText(/Your code is unchanged\./)
      .waitFor();
    expect(await storedEdits(damaged)).toEqual({});
    await damaged.context().close();
  },
  SHARE_TEST_TIMEOUT_MS,
);

test(
  "a link shows where it came from and a diff per cell, and never silently replaces the learner's own code",
  async () => {
    // The sender changes two cells and copies a link.
    const page = await open(browser(), lessonUrl());
    const originalLoad = await cellCode(page, 'load');
    await editModel(page);
    const theirLoad = `${originalLoad}\n// their note`;
    await setCellCode(page, 'load', theirLoad);
    await cell(page, 'load').getByTestId('modified').waitFor();
    await page.getByRole('button', { name: 'Copy link with my edits' }).click();
    const share = page.getByTestId('share-link');
    await share.getByText(/carries your changes to 2 cells/).waitFor();
    const link = await share.getByRole('textbox').inputValue();
    await page.context().close();

    // The receiver has written their own model.
    const mine = 'const mine = 1;';
    const receiver = await open(browser(), lessonUrl());
    await cell(receiver, 'model').locator('.cm-content').waitFor();
    await setCellCode(receiver, 'model', mine);
    await expect
      .poll(() => storedEdits(receiver), { timeout: SAVED_TIMEOUT_MS })
      .toEqual({ model: mine });
    const context = receiver.context();
    await receiver.close();

    const opened = async (): Promise<Page> => {
      const tab = await context.newPage();
      tab.setDefaultTimeout(UI_TIMEOUT_MS);
      await tab.goto(link);
      await tab.getByTestId('link-notice').getByText('Opened from a link.').waitFor();
      return tab;
    };
    let tab = await opened();
    const notice = tab.getByTestId('link-notice');
    await notice.getByText('This link carries changes to 2 cells. Nothing has run.').waitFor();
    const modelChange = notice.getByTestId('link-change').and(tab.locator('[data-for="model"]'));
    const loadChange = notice.getByTestId('link-change').and(tab.locator('[data-for="load"]'));
    // Each cell's diff, from the learner's code to the link's.
    await expect(modelChange.getByTestId('diff').innerText()).resolves.toContain(`- ${mine}`);
    await expect(modelChange.getByTestId('diff').innerText()).resolves.toContain(
      '+ const predict = (x: number) => 2 * x;',
    );
    await expect(loadChange.getByTestId('diff').innerText()).resolves.toContain('+ // their note');
    // Only the learner's own edit asks; it keeps the learner's code unless they choose.
    await modelChange.getByText('you changed this cell').waitFor();
    expect(await modelChange.getByRole('radio', { name: 'Keep my code' }).isChecked()).toBe(true);
    expect(await loadChange.getByRole('radio').count()).toBe(0);

    await notice.getByRole('button', { name: 'Apply' }).click();
    await notice
      .getByText(/Applied the link's code to 1 cell\. Kept your own code in “model”\./)
      .waitFor();
    await poll(() => cellCode(tab, 'load')).toBe(theirLoad);
    expect(await cellCode(tab, 'model')).toBe(mine);
    await expect
      .poll(() => storedEdits(tab), { timeout: SAVED_TIMEOUT_MS })
      .toEqual({ model: mine, load: theirLoad });
    await expectNothingRan(tab);
    await tab.close();

    // Opened again, the learner chooses the link's code for their cell.
    tab = await opened();
    const again = tab.getByTestId('link-change').and(tab.locator('[data-for="model"]'));
    await again.getByRole('radio', { name: "Use the link's code" }).check();
    await tab.getByTestId('link-notice').getByRole('button', { name: 'Apply' }).click();
    await poll(() => cellCode(tab, 'model')).toBe(EDIT);
    await expectNothingRan(tab);
    await context.close();
  },
  SHARE_TEST_TIMEOUT_MS,
);

test(
  '"Reset lesson" opens a labelled dialog: export first, cancel with Escape, then reset',
  async () => {
    const page = await open(browser(), lessonUrl());
    const original = await cellCode(page, 'model');
    await editModel(page);
    await setCellCode(page, 'load', '1 + 1');
    await cell(page, 'load').getByTestId('modified').waitFor();

    await openMoreMenu(page);
    await page.getByRole('button', { name: 'Reset lesson' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel');
    const dialog = page.getByRole('dialog', { name: 'Reset the lesson for the next class?' });
    await dialog.getByText('This clears your edits to 2 cells.').waitFor();
    const file = await download(page, 'Export my edits first');
    expect(file.text).toContain(EDIT);
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByText('Your edits were downloaded as a file.').waitFor();

    // Keyboard: Cancel has the focus, Escape closes; nothing is lost.
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Reset');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await cellCode(page, 'model')).toBe(EDIT);

    await openMoreMenu(page);
    await page.getByRole('button', { name: 'Reset lesson' }).click();
    await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
    await poll(() => cellCode(page, 'model')).toBe(original);
    await expect.poll(() => storedEdits(page), { timeout: SAVED_TIMEOUT_MS }).toEqual({});
    await page.context().close();
  },
  SHARE_TEST_TIMEOUT_MS,
);

test(
  'importing your own export changes nothing and says so',
  async () => {
    const page = await open(browser(), lessonUrl());
    await editModel(page);
    const { text } = await download(page, 'Export .md');
    await page.getByTestId('import-file').setInputFiles({
      name: 'same.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(text),
    });
    const panel = page.getByTestId('import-panel');
    // Polling the text (not waiting for a match) shows what the panel said if it differs.
    await expect
      .poll(() => panel.textContent(), { timeout: IMPORT_TIMEOUT_MS })
      .toMatch(/Its code is the same as yours: loading it changes nothing\./);
    await page.context().close();
  },
  SHARE_TEST_TIMEOUT_MS,
);

test(
  'an exported .ipynb dropped on the course index finds its lesson by slug, runs nothing',
  async () => {
    const page = await open(browser(), lessonUrl());
    await editModel(page);
    const ipynb = await download(page, 'Export .ipynb');
    await page.context().close();
    // Renamed by its owner: only metadata.playgrad.slug still names the lesson.
    const json = JSON.parse(ipynb.text) as {
      metadata: { playgrad: { frontMatter: { title: string }; frontMatterSource: string } };
    };
    json.metadata.playgrad.frontMatter.title = 'My copy';
    json.metadata.playgrad.frontMatterSource = json.metadata.playgrad.frontMatterSource.replace(
      'title: Gradient descent',
      'title: My copy',
    );

    const fresh = await open(browser(), `${siteUrl}#/`);
    await fresh.getByRole('heading', { name: 'Week 1', exact: true }).waitFor();
    await dropFile(fresh, 'main', { name: 'my-copy.ipynb', text: JSON.stringify(json) });
    const panel = fresh.getByTestId('import-panel');
    await panel.getByText(/“my-copy.ipynb” is the lesson Gradient descent/).waitFor();
    await panel.getByRole('button', { name: 'Load into the lesson (1 cell)' }).click();
    await cell(fresh, 'model').locator('.cm-content').waitFor();
    await poll(() => cellCode(fresh, 'model')).toBe(EDIT);
    await expectNothingRan(fresh);
    await fresh.context().close();
  },
  SHARE_TEST_TIMEOUT_MS,
);
