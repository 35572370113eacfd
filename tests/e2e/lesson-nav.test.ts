/**
 * Finding one's way in real Chromium: previous/next lesson links at the end of a lesson,
 * "Continue where you left off" on the index (lesson and section), a compact lesson bar in
 * learner words with the backend details in its "More" menu.
 */
import { describe, expect, test } from 'vitest';
import { openMoreMenu, openPage, useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();

const TEST_TIMEOUT_MS = 120_000;

describe('course navigation', () => {
  test(
    'a lesson ends with its previous and next lessons; Next opens the next one',
    async () => {
      const { context, page, errors } = await openPage(
        browser(),
        `${siteUrl}#/lesson/week1/gradient-descent?backend=wasm`,
      );
      const nav = page.getByRole('navigation', { name: 'Previous and next lesson' });
      await nav.waitFor();
      await expect(
        nav.getByRole('link', { name: /Previous lesson/ }).innerText(),
      ).resolves.toContain('How these notebooks work');
      const next = nav.getByRole('link', { name: /Next lesson/ });
      await expect(next.innerText()).resolves.toContain('Data and tensors');
      await next.click();
      await page.waitForURL(/#\/lesson\/week2\/data-and-tensors$/);
      await page.getByRole('heading', { name: 'Data and tensors', level: 1 }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the index offers to continue at the last lesson and section',
    async () => {
      const { context, page, errors } = await openPage(browser(), siteUrl);
      await page
        .getByRole('link', { name: /Gradient descent/ })
        .first()
        .waitFor();
      // Positive control: nothing visited yet, nothing to continue.
      expect(await page.getByTestId('continue').count()).toBe(0);

      await page.evaluate(
        () => (location.hash = '#/lesson/week1/gradient-descent?section=the-gradient'),
      );
      const heading = page.locator('#the-gradient');
      await heading.waitFor();
      await expect
        .poll(() => heading.evaluate((el) => Math.round(el.getBoundingClientRect().top)))
        .toBeLessThan(200);
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('playgrad:last-visit') ?? ''))
        .toContain('the-gradient');

      await page.evaluate(() => (location.hash = '#/'));
      const link = page.getByTestId('continue').getByRole('link');
      await expect(link.innerText()).resolves.toMatch(
        /^Continue where you left off: Gradient descent — The gradient$/,
      );
      await link.click();
      await page.waitForURL(/#\/lesson\/week1\/gradient-descent\?section=the-gradient$/);
      await heading.waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the lesson bar: a few controls in learner words, the backend in "More"',
    async () => {
      const { context, page, errors } = await openPage(
        browser(),
        `${siteUrl}#/lesson/week1/gradient-descent?backend=wasm`,
      );
      const bar = page.getByRole('region', { name: 'Kernel controls' });
      await bar.waitFor();
      await page.getByTestId('kernel-state').filter({ hasText: 'Ready' }).waitFor();
      const controls = bar.locator('button, summary, a, input, select');
      const shown = [];
      for (const control of await controls.all()) {
        if (await control.isVisible()) shown.push((await control.innerText()).trim());
      }
      const visible = shown.length;
      expect(shown.slice(0, 3)).toEqual(['Run all', 'Stop', 'Restart']);
      expect(visible).toBeGreaterThanOrEqual(4);
      expect(visible).toBeLessThanOrEqual(5);
      expect(
        await bar
          .getByText(/GFLOP|Measure again|WASM/)
          .first()
          .isVisible(),
      ).toBe(false);

      await openMoreMenu(page);
      await bar.getByText('Runs on: your processor (WebAssembly)').waitFor();
      await bar.getByRole('button', { name: 'Measure again' }).waitFor();
      await bar.getByRole('button', { name: 'Reset lesson' }).waitFor();
      // Escape closes the menu again.
      await page.keyboard.press('Escape');
      await expect(bar.getByRole('button', { name: 'Reset lesson' }).isVisible()).resolves.toBe(
        false,
      );
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
