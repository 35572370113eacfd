/**
 * Teaching in real Chromium: a link opens present mode at a section with code hidden,
 * the arrow keys move between sections, cells run in place, hints appear one at a time,
 * and solving the gradient-descent exercise shows a verdict and counts on the course
 * index after a reload (real IndexedDB).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { LESSON, cell, openPage, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

/** Loading the data and building tensors on WASM, two cores, no GPU. */
const CELL_RUN_TIMEOUT_MS = 60_000;
const SECTIONS_IN_LESSON = 12;
/**
 * The page's main thread can be busy for many seconds (Plotly's lazy load parses 4 MB of
 * script) on a shared two-core machine: clicks wait that long, and each test is long.
 */
const ACTION_TIMEOUT_MS = 90_000;
const TEST_TIMEOUT_MS = 400_000;

const present = (page: Page) => page.getByTestId('present');
const sectionId = (page: Page) => present(page).getAttribute('data-section-id');
const counter = (page: Page) => page.getByTestId('present-counter').innerText();

async function runCell(page: Page, id: string): Promise<void> {
  await cell(page, id)
    .getByRole('button', { name: `Run cell ${id}` })
    .click();
}

describe('present mode from a link', () => {
  test(
    'starts at the linked section with code hidden; arrows move; cells run in place',
    async () => {
      const url = `${siteUrl}#/lesson/${LESSON}?view=present&section=the-gradient&code=hidden`;
      const { context, page, errors } = await openPage(browser(), url);
      page.setDefaultTimeout(ACTION_TIMEOUT_MS);
      await present(page).waitFor();
      expect(await sectionId(page)).toBe('the-gradient');
      expect(await counter(page)).toMatch(new RegExp(`^Section\\s*4 / ${SECTIONS_IN_LESSON}$`));
      await page.getByRole('heading', { name: 'The gradient', level: 2 }).waitFor();
      // Code hidden: the exercise is there, its editor is not; the lesson page is not shown.
      await cell(page, 'grad').waitFor();
      expect(await cell(page, 'grad').locator('.cm-editor').count()).toBe(0);
      expect(await page.getByTestId('lesson').count()).toBe(0);

      await page.keyboard.press('ArrowRight');
      expect(await sectionId(page)).toBe('walking-downhill');
      // The address follows, so a reload mid-demo comes back to this screen.
      expect(new URL(page.url()).hash).toBe(
        `#/lesson/${LESSON}?view=present&section=walking-downhill&code=hidden`,
      );
      await page.keyboard.press('PageDown');
      expect(await sectionId(page)).toBe('the-exact-answer');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('PageUp');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      expect(await sectionId(page)).toBe('the-data');
      expect(await counter(page)).toMatch(new RegExp(`2 / ${SECTIONS_IN_LESSON}$`));

      // Show the code again; the arrows do nothing while typing in an editor.
      await present(page).getByTestId('toggle-code').click();
      const editor = cell(page, 'load').locator('.cm-content');
      await editor.click();
      await page.keyboard.press('ArrowRight');
      expect(await sectionId(page)).toBe('the-data');

      await runCell(page, 'load');
      await waitForStatus(page, 'load', 'ok', CELL_RUN_TIMEOUT_MS);
      await expect(
        cell(page, 'load').locator('[data-testid="output"]').first().innerText(),
      ).resolves.toMatch(/diabetes/i);

      // Output stays when moving away and back (same session, same outputs).
      await page.getByRole('button', { name: 'Next section' }).click();
      await page.getByRole('button', { name: 'Previous section' }).click();
      await cell(page, 'load').locator('[data-testid="output"]').first().waitFor();

      // Larger text, remembered for the next visit.
      const size = () => present(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      const before = await size();
      await page.getByRole('button', { name: 'Larger text' }).click();
      expect(await size()).toBeGreaterThan(before);
      const after = await size();

      // "Link to this point" builds a link to this section, in present mode.
      await page.getByText('Link to this point').click();
      const link = await page.getByTestId('teaching-link').inputValue();
      expect(link).toContain(`#/lesson/${LESSON}?view=present&section=the-data`);
      expect(link).not.toContain('code=hidden');

      // Escape exits (the link panel's field has focus, so leave it first): back to the
      // page, at the same section, with the kernel's outputs.
      await present(page)
        .locator('.slide')
        .click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Escape');
      await page.getByTestId('lesson').waitFor();
      expect(await present(page).count()).toBe(0);
      expect(new URL(page.url()).hash).toBe(`#/lesson/${LESSON}?section=the-data`);
      await cell(page, 'load').locator('[data-testid="output"]').first().waitFor();
      const top = await page.locator('#the-data').evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(400);

      // The link opens where it points, with the remembered text size.
      const second = await context.newPage();
      second.setDefaultTimeout(ACTION_TIMEOUT_MS);
      await second.goto(link);
      await present(second).waitFor();
      expect(await sectionId(second)).toBe('the-data');
      expect(
        await present(second).evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
      ).toBe(after);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe('exercises', () => {
  test(
    'hints one at a time; verdicts in words; solved counts on the index after reload',
    async () => {
      const { context, page, errors } = await openPage(
        browser(),
        `${siteUrl}#/lesson/${LESSON}?section=the-gradient`,
      );
      page.setDefaultTimeout(ACTION_TIMEOUT_MS);
      const extras = page.locator('[data-testid="exercise-extras"][data-for="grad"]');
      await extras.waitFor();

      const hints = extras.getByTestId('hint');
      expect(await hints.count()).toBe(0);
      await extras.getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
      expect(await hints.count()).toBe(1);
      await expect(hints.first().innerText()).resolves.toMatch(/one number per patient/);
      await extras.getByRole('button', { name: 'Show a hint (2 of 3)' }).click();
      expect(await hints.count()).toBe(2);
      await extras.getByRole('button', { name: 'Show a hint (3 of 3)' }).click();
      expect(await hints.count()).toBe(3);
      expect(await extras.getByRole('button', { name: /Show a hint/ }).count()).toBe(0);

      for (const id of ['load', 'tensors', 'model', 'grad']) {
        await runCell(page, id);
        await waitForStatus(page, id, 'ok', CELL_RUN_TIMEOUT_MS);
      }
      const check = 'cell-6';
      const verdict = page.locator(`[data-testid="verdict"][data-for="grad"]`);
      await runCell(page, check);
      await waitForStatus(page, check, 'error', CELL_RUN_TIMEOUT_MS);
      await expect(verdict.innerText()).resolves.toBe(
        'Not yet: dw is all zeros: is it still the TODO?',
      );

      // Reveal the solution (after a confirmation), use it, run the exercise and the check.
      const confirms: string[] = [];
      page.on('dialog', (dialog) => {
        confirms.push(dialog.message());
        void dialog.accept();
      });
      await extras.getByRole('button', { name: 'Reveal solution' }).click();
      await extras.getByRole('button', { name: 'Use this solution in the exercise' }).click();
      expect(confirms).toEqual([
        'Reveal the solution? Trying the exercise first is how it sticks.',
        'Replace your code in the exercise with the solution?',
      ]);
      await runCell(page, 'grad');
      await waitForStatus(page, 'grad', 'ok', CELL_RUN_TIMEOUT_MS);
      await runCell(page, check);
      await waitForStatus(page, check, 'ok', CELL_RUN_TIMEOUT_MS);
      await expect(verdict.innerText()).resolves.toBe('Correct — well done');
      // Solved with the revealed solution: recorded as such, not as solved alone.
      await expect(extras.getByTestId('solved').innerText()).resolves.toBe(
        '✓ Solved with the solution',
      );

      // After a reload the lesson still says solved (IndexedDB), and so does the index.
      await page.reload();
      await page
        .locator('[data-testid="exercise-extras"][data-for="grad"] [data-testid="solved"]')
        .waitFor();
      await page.goto(siteUrl);
      await page.reload();
      const card = page.locator('li.card', {
        has: page.getByRole('link', { name: 'Gradient descent' }),
      });
      await expect
        .poll(() => card.getByTestId('solved-count').innerText())
        .toBe('0 of 4 exercises solved, 1 with the solution');
      await card.getByTestId('visited').waitFor();
      // A lesson never opened: its exercise count, no visited mark.
      const other = page.locator('li.card', { has: page.getByRole('link', { name: 'PCA' }) });
      await expect(other.getByTestId('solved-count').innerText()).resolves.toBe(
        '0 of 4 exercises solved',
      );
      expect(await other.getByTestId('visited').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
