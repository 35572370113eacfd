/**
 * An imported notebook (#/notebook/<id>) keeps the learner's edits as a lesson does: across
 * a reload within the autosave delay, a closed tab, a full disk ("Try again") and a second
 * tab (a notice, never a silent overwrite). It is the lesson's view: Stop on a runaway cell
 * shows the lost-state banner there too.
 */
import { expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  STOP_RECOVERY_TIMEOUT_MS,
  cell,
  cellCode,
  openPage,
  setCellCode,
  useBrowser,
} from './browser';
import { deleteFiller, fillStorage, storedNotebookEdits } from './storage-helpers';

const { browser, siteUrl } = useBrowser();

/** Any one step of the UI on two busy cores (an editor, a notice, a save). */
const UI_TIMEOUT_MS = 30_000;
/** Several pages load and a kernel starts: more than one page's test. */
const TEST_TIMEOUT_MS = 240_000;
/** Small enough to fill in a moment, large enough for the app to open its databases. */
const QUOTA_BYTES = 400_000;

const NOTEBOOK = [
  '---',
  'title: My experiments',
  'week: 9',
  'order: 1',
  '---',
  '',
  '# My experiments',
  '',
  '```ts {id=first}',
  'const a = 20;',
  '```',
  '',
  '```ts {id=second}',
  'a * 2 + 2',
  '```',
  '',
].join('\n');

function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: UI_TIMEOUT_MS });
}

/** Imports NOTEBOOK on the course index with the file picker and opens it; returns its id. */
async function importNotebook(page: Page, text = NOTEBOOK): Promise<string> {
  await page.getByTestId('import-file').setInputFiles({
    name: 'week9-mine.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(text),
  });
  const panel = page.getByTestId('import-panel');
  await panel.getByRole('link', { name: 'Open it' }).click({ timeout: UI_TIMEOUT_MS });
  await editorReady(page);
  const id = await page.getByTestId('notebook').getAttribute('data-notebook-id');
  if (!id) throw new Error('the notebook page names no notebook');
  return id;
}

async function editorReady(page: Page, cellId = 'first'): Promise<void> {
  await cell(page, cellId).locator('.cm-content').waitFor({ timeout: UI_TIMEOUT_MS });
}

async function openIndex(): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await openPage(browser(), `${siteUrl}#/`);
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.getByRole('button', { name: 'Import a notebook…' }).waitFor();
  return { context, page };
}

test(
  'edits survive a reload within the autosave delay and a closed tab',
  async () => {
    const { context, page } = await openIndex();
    const id = await importNotebook(page);
    const url = page.url();
    // Where its code came from, before anything runs.
    await expect(page.getByTestId('origin').innerText()).resolves.toMatch(
      /^Your notebook, imported from the file “week9-mine\.md” on .+\. Its 2 code cells came from that file; nothing runs until you run it\.$/,
    );

    // Reload right after typing: the autosave has not fired yet.
    for (const n of [1, 2, 3]) {
      const edited = `const a = ${n};`;
      await setCellCode(page, 'first', edited);
      await page.reload();
      await editorReady(page);
      await poll(() => cellCode(page, 'first')).toBe(edited);
    }
    await poll(() => storedNotebookEdits(page, id)).toEqual({ first: 'const a = 3;' });

    // Close the tab right after typing, open the notebook again.
    await setCellCode(page, 'second', 'a * 3');
    await page.close();
    const again = await context.newPage();
    await again.goto(url);
    await editorReady(again, 'second');
    await poll(() => cellCode(again, 'second')).toBe('a * 3');
    await poll(() => storedNotebookEdits(again, id)).toEqual({
      first: 'const a = 3;',
      second: 'a * 3',
    });
    await context.close();
  },
  TEST_TIMEOUT_MS,
);

test(
  'a full disk is reported with "Try again"; the edit survives a reload and is saved once space is back',
  async () => {
    const { context, page } = await openIndex();
    // The quota is lowered before the notebook is written (Chromium keeps the space it
    // allotted at its last quota check), then another database fills what is left.
    const origin = new URL(siteUrl).origin;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA_BYTES });
    const id = await importNotebook(page);
    const filled = await fillStorage(page);
    expect(filled.stoppedBy, `the filler wrote ${filled.written} bytes`).toBe('QuotaExceededError');

    const edited = 'const a = 21; // written on a full disk';
    await setCellCode(page, 'first', edited);
    const banner = page.getByRole('alert').filter({ hasText: /storage for this site is full/ });
    await banner.waitFor();
    expect(await cellCode(page, 'first')).toBe(edited);
    expect(await storedNotebookEdits(page, id)).toEqual({});

    await page.reload();
    await editorReady(page);
    await poll(() => cellCode(page, 'first')).toBe(edited);
    await banner.waitFor();

    // Space again (the learner freed some): "Try again" saves it and the banner goes.
    await deleteFiller(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await banner.getByRole('button', { name: 'Try again' }).click();
    await poll(() => storedNotebookEdits(page, id)).toEqual({ first: edited });
    await banner.waitFor({ state: 'detached' });
    await context.close();
  },
  TEST_TIMEOUT_MS,
);

test(
  'a save in one tab is offered to the other, never forced on it',
  async () => {
    const { context, page: a } = await openIndex();
    await importNotebook(a);
    const b = await context.newPage();
    b.setDefaultTimeout(UI_TIMEOUT_MS);
    await b.goto(a.url());
    await editorReady(b);

    // A background tab runs no requestAnimationFrame: switch tabs before looking at one.
    await a.bringToFront();
    await a.getByTestId('other-tab-open').waitFor();
    await b.bringToFront();
    await b.getByTestId('other-tab-open').waitFor();

    const theirs = 'const a = 100; // written in tab A';
    await a.bringToFront();
    await setCellCode(a, 'first', theirs);
    await b.bringToFront();
    const notice = b.getByTestId('other-tab-change').and(b.locator('[data-for="first"]'));
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain('changed in another tab');
    expect(await cellCode(b, 'first')).toBe('const a = 20;');

    await notice.getByRole('button', { name: 'Take theirs' }).click();
    await poll(() => cellCode(b, 'first')).toBe(theirs);
    await context.close();
  },
  TEST_TIMEOUT_MS,
);

test(
  'Stop on a runaway cell shows the lost-state banner, as on a lesson',
  async () => {
    const { context, page } = await openIndex();
    await importNotebook(page);
    await setCellCode(page, 'second', 'while (true) {}');
    await cell(page, 'first').getByTestId('run-cell').click();
    await cell(page, 'first').and(page.locator('[data-status="ok"]')).waitFor({ timeout: 60_000 });
    await cell(page, 'second').getByTestId('run-cell').click();
    await cell(page, 'second').and(page.locator('[data-status="running"]')).waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    const banner = page.getByRole('alert').filter({ hasText: /state was lost/i });
    await banner.waitFor({ timeout: STOP_RECOVERY_TIMEOUT_MS });
    await banner.getByRole('button', { name: /re-run/i }).waitFor();
    await context.close();
  },
  TEST_TIMEOUT_MS,
);
