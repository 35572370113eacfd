/**
 * Present-mode links in a tab that already has the lesson open (no reload), and Exit back
 * to the page with the section's heading below the sticky bar, not under it.
 */
import { describe, expect, test } from 'vitest';
import { LESSON, openPage, useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();

const TEST_TIMEOUT_MS = 120_000;

describe('present-mode links in an open lesson', () => {
  test(
    'a pasted link switches to present mode at its section; Exit shows the heading below the bar',
    async () => {
      const { context, page, errors } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
      await page.getByTestId('lesson').locator('[data-cell-id]').first().waitFor();
      const present = page.getByTestId('present');

      await page.evaluate(
        (slug) => (location.hash = `#/lesson/${slug}?view=present&section=the-gradient`),
        LESSON,
      );
      await present.waitFor();
      await expect(present.getAttribute('data-section-id')).resolves.toBe('the-gradient');

      // Another section of the same lesson, while presenting.
      await page.evaluate(
        (slug) => (location.hash = `#/lesson/${slug}?view=present&section=walking-downhill`),
        LESSON,
      );
      await expect.poll(() => present.getAttribute('data-section-id')).toBe('walking-downhill');

      await present.getByRole('button', { name: 'Exit' }).click();
      await page.getByTestId('lesson').waitFor();
      const heading = page.locator('#walking-downhill');
      const barBottom = () =>
        page.evaluate(() => document.querySelector('.sticky')?.getBoundingClientRect().bottom ?? 0);
      const headingTop = () => heading.evaluate((el) => el.getBoundingClientRect().top);
      await expect.poll(headingTop).toBeGreaterThanOrEqual(await barBottom());
      expect(await headingTop()).toBeLessThan((await barBottom()) + 100);

      // A plain link (no flags) back on the page stays on the page.
      await page.evaluate((slug) => (location.hash = `#/lesson/${slug}?code=hidden`), LESSON);
      await expect.poll(() => page.locator('[data-cell-id="load"] .cm-editor').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
