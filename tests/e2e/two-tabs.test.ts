/**
 * One lesson in two tabs of the same browser: each says the other is open; a save in
 * one becomes a notice in the other, which changes nothing until the learner chooses
 * "Take theirs" or "Keep mine" (and keeping mine writes it back).
 */
import { expect, test } from 'vitest';
import { LESSON, cell, cellCode, openPage, setCellCode, useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();
// Generous: two pages load a lesson side by side on a busy two-core machine.
const NOTICE_TIMEOUT_MS = 30_000;
/** Two lessons load and several saves travel between them: more than one page's test. */
const TWO_TABS_TEST_TIMEOUT_MS = 240_000;

test(
  'a save in one tab is offered to the other, never forced on it',
  async () => {
    const url = `${siteUrl}#/lesson/${LESSON}`;
    const { context, page: a } = await openPage(browser(), url);
    await cell(a, 'model').locator('.cm-content').waitFor();
    const b = await context.newPage();
    await b.goto(url);
    await cell(b, 'model').locator('.cm-content').waitFor();

    // Both tabs know the lesson is open twice. (Playwright polls a page with
    // requestAnimationFrame, which a background tab does not run: the test switches tabs
    // as the learner would before looking at one.)
    await a.bringToFront();
    await a.getByTestId('other-tab-open').waitFor({ timeout: NOTICE_TIMEOUT_MS });
    await b.bringToFront();
    await b.getByTestId('other-tab-open').waitFor({ timeout: NOTICE_TIMEOUT_MS });

    const original = await cellCode(b, 'model');
    const theirs = `${original}\n// written in tab A`;
    await a.bringToFront();
    await setCellCode(a, 'model', theirs);
    await b.bringToFront();
    const notice = b.getByTestId('other-tab-change').and(b.locator('[data-for="model"]'));
    await notice.waitFor({ timeout: NOTICE_TIMEOUT_MS });
    await expect(notice.innerText()).resolves.toContain('This lesson was changed in another tab');
    expect(await cellCode(b, 'model')).toBe(original); // nothing changed behind the learner's back

    await notice.getByRole('button', { name: 'Take theirs' }).click();
    await expect.poll(() => cellCode(b, 'model')).toBe(theirs);
    await notice.waitFor({ state: 'detached' });

    // Now B edits; A keeps its own code and writes it back, which B is then offered.
    const mine = `${theirs}\n// and then in tab B`;
    await setCellCode(b, 'model', mine);
    await a.bringToFront();
    const noticeInA = a.getByTestId('other-tab-change').and(a.locator('[data-for="model"]'));
    await noticeInA.waitFor({ timeout: NOTICE_TIMEOUT_MS });
    expect(await cellCode(a, 'model')).toBe(theirs);
    await noticeInA.getByRole('button', { name: 'Keep mine' }).click();
    await noticeInA.waitFor({ state: 'detached' });
    expect(await cellCode(a, 'model')).toBe(theirs);
    await b.bringToFront();
    await notice.waitFor({ timeout: NOTICE_TIMEOUT_MS });
    expect(await cellCode(b, 'model')).toBe(mine);

    // A closed tab is no longer counted.
    await b.close();
    await a.bringToFront();
    await a
      .getByTestId('other-tab-open')
      .waitFor({ state: 'detached', timeout: NOTICE_TIMEOUT_MS });
    await context.close();
  },
  TWO_TABS_TEST_TIMEOUT_MS,
);
