/**
 * The RAG lesson on a document the learner drops in: a PDF is read page by page in the
 * kernel (pdf.js, from the site), a Markdown file by section, and the retrieved passages
 * name their page or section. A broken PDF is a clear message in the cell; the page and
 * the kernel keep working. Nothing is requested from another origin.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  RUN_ALL_TIMEOUT_MS,
  cell,
  openPage,
  setCellCode,
  useBrowser,
  waitForStatus,
} from './browser';

const { browser, siteUrl } = useBrowser();

/** Run all of the RAG lesson (it embeds and indexes the book three times), then three drops. */
const TEST_TIMEOUT_MS = 4 * RUN_ALL_TIMEOUT_MS;
/** Reading a file, chunking, embedding and answering again after a drop (pdf.js loads once). */
const RERUN_TIMEOUT_MS = 30_000;

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url));

const GARDEN_MD = [
  '# Watering',
  'Water the tomatoes every morning in summer, at the foot of the plant.',
  '',
  '# Pruning',
  'Prune the roses in late winter, just above an outward-facing bud.',
].join('\n');

/** Waits until the cell's text matches, as cells re-run on their own after a drop. */
async function waitForText(page: Page, id: string, pattern: RegExp): Promise<void> {
  await expect
    .poll(() => cell(page, id).innerText(), { timeout: RERUN_TIMEOUT_MS })
    .toMatch(pattern);
}

/** Asks a new question about the dropped document; returns the retrieved sources. */
async function ask(page: Page, question: string): Promise<string[]> {
  const code = [
    `const myQuestion = '${question}';`,
    'const [myVector] = await text.embed([myQuestion]);',
    'const myHits = text.rag.retrieve(myIndex, myVector, 3);',
    'table(myHits.map((hit, i) => ({',
    '  n: i + 1, source: hit.metadata?.source, passage: hit.metadata?.text,',
    '})))',
  ].join('\n');
  await setCellCode(page, 'own-ask', code);
  await cell(page, 'own-ask').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'own-ask', 'ok', RERUN_TIMEOUT_MS);
  await cell(page, 'own-answer').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'own-answer', 'ok', RERUN_TIMEOUT_MS);
  // Column 2 of each row is the source.
  return cell(page, 'own-ask').locator('table tbody tr td:nth-child(2)').allInnerTexts();
}

describe('the RAG lesson on a dropped document', () => {
  test(
    'PDF pages and Markdown sections are retrieved with their source; a broken PDF says so',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${siteUrl}#/lesson/week7/rag`);
      const origin = new URL(siteUrl).origin;
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));

      await page.getByRole('button', { name: 'Run all' }).click();
      await waitForStatus(page, 'own-answer', 'ok', RUN_ALL_TIMEOUT_MS * 2);
      // The sample document stands in until a file is dropped.
      await waitForText(page, 'own', /library\.md \(markdown\): 3 parts/);
      await waitForText(page, 'own-answer', /eight books/);
      // Run all goes on to the exercise below: let it finish before dropping files.
      await expect
        .poll(() => page.locator('[data-status="queued"], [data-status="running"]').count(), {
          timeout: RUN_ALL_TIMEOUT_MS,
        })
        .toBe(0);

      const picker = cell(page, 'own-file').getByLabel('Your document', { exact: true });
      await picker.setInputFiles({
        name: 'harbour.pdf',
        mimeType: 'application/pdf',
        buffer: fixture('two-pages.pdf'),
      });
      await waitForText(page, 'own', /harbour\.pdf \(pdf\): 2 parts/);
      const pdfSources = await ask(page, 'When was the lighthouse built?');
      expect(pdfSources[0]).toBe('harbour.pdf, page 2');
      expect(pdfSources).toContain('harbour.pdf, page 1');
      await expect(cell(page, 'own-answer').innerText()).resolves.toContain(
        'The old lighthouse was built in 1871 from granite blocks.',
      );

      await picker.setInputFiles({
        name: 'garden.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(GARDEN_MD),
      });
      await waitForText(page, 'own', /garden\.md \(markdown\): 2 parts/);
      // The drop re-ran the question cell too: the PDF question, now on the garden.
      const mdSources = await ask(page, 'When should the roses be pruned?');
      expect(mdSources[0]).toBe('Pruning');
      await expect(cell(page, 'own-answer').innerText()).resolves.toContain(
        'Prune the roses in late winter',
      );

      await picker.setInputFiles({
        name: 'broken.pdf',
        mimeType: 'application/pdf',
        buffer: fixture('broken.pdf'),
      });
      await waitForStatus(page, 'own', 'error', RERUN_TIMEOUT_MS);
      await waitForText(page, 'own', /broken\.pdf is not a valid PDF/);

      // The page and the kernel still work: a good PDF after the broken one is read.
      await picker.setInputFiles({
        name: 'again.pdf',
        mimeType: 'application/pdf',
        buffer: fixture('two-pages.pdf'),
      });
      await waitForStatus(page, 'own', 'ok', RERUN_TIMEOUT_MS);
      await waitForText(page, 'own', /again\.pdf \(pdf\): 2 parts/);

      const elsewhere = requests.filter((url) => {
        const parsed = new URL(url);
        return parsed.protocol.startsWith('http') && parsed.origin !== origin;
      });
      expect(elsewhere).toEqual([]);
      // pdf.js came from the site, as a chunk of the kernel worker.
      expect(requests.some((url) => /pdf/i.test(new URL(url).pathname))).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
