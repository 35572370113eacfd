/**
 * Phones: at 360×740 (a small Android phone) the course index and a lesson fit the screen
 * with no sideways scroll, and the lesson's sticky bar leaves the screen to the lesson.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { LESSON, RUN_ALL_TIMEOUT_MS, cell, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

const PHONE = { width: 360, height: 740 };
/** The sticky lesson bar may take at most this much of a narrow screen. */
const MAX_BAR_HEIGHT = 60;

async function openOnPhone(url: string) {
  const context = await browser().newContext({
    serviceWorkers: 'block',
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { context, page, errors };
}

/** How wide the page is: wider than the screen means the learner scrolls sideways. */
function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);
}

test('the course index fits a 360 px screen', async () => {
  const { context, page, errors } = await openOnPhone(siteUrl);
  await page.getByRole('link', { name: /Gradient descent/ }).waitFor();
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  expect(errors).toEqual([]);
  await context.close();
});

test('a lesson fits a 360 px screen and its bar stays short', async () => {
  const { context, page, errors } = await openOnPhone(`${siteUrl}#/lesson/${LESSON}`);
  await page.getByRole('heading', { name: 'Gradient descent', level: 1 }).first().waitFor();
  await page.getByTestId('kernel-state').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

  const bar = page.getByRole('region', { name: 'Kernel controls' });
  // The whole sticky area (bar and any banner) is what the learner loses while scrolling.
  const height = await bar.evaluate((el) => el.parentElement?.getBoundingClientRect().height);
  expect(height).toBeLessThanOrEqual(MAX_BAR_HEIGHT);
  // The kernel's state is read in full, not cut to "R…".
  const state = page.getByTestId('kernel-state');
  expect(await state.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  // Run all stays one tap away; the rest is in the menu, still reachable.
  await expect(bar.getByRole('button', { name: 'Run all' }).isVisible()).resolves.toBe(true);
  await expect(bar.getByRole('button', { name: 'Stop' }).isVisible()).resolves.toBe(true);
  const restart = page.getByRole('button', { name: 'Restart', exact: true });
  if (!(await restart.isVisible())) {
    await bar.getByTestId('more-menu').locator('summary').first().click();
  }
  await expect(restart.isVisible()).resolves.toBe(true);
  await expect(page.getByRole('button', { name: 'Present' }).isVisible()).resolves.toBe(true);
  // The open menu fits the screen too, on both sides.
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  const panel = await bar.getByTestId('more-menu').locator('.panel').boundingBox();
  expect(panel?.x).toBeGreaterThanOrEqual(0);
  expect((panel?.x ?? 0) + (panel?.width ?? Infinity)).toBeLessThanOrEqual(PHONE.width);
  expect(errors).toEqual([]);
  await context.close();
});

test('a one-finger swipe on a chart scrolls the page, not the chart', async () => {
  const { context, page, errors } = await openOnPhone(`${siteUrl}#/lesson/week1/notebooks`);
  await page.getByTestId('kernel-state').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Run all' }).click();
  await waitForStatus(page, 'scatter', 'ok', RUN_ALL_TIMEOUT_MS);
  const chart = cell(page, 'scatter').locator('.plot');
  await chart.locator('.main-svg').first().waitFor();
  // The chart's top just below the sticky bar, so the swipe starts on the plot area.
  await chart.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const before = await page.evaluate(() => window.scrollY);
  // Plotly's drag surface: the plot area between the axes.
  const box = await chart.locator('.nsewdrag').first().boundingBox();
  if (!box) throw new Error('the chart has no plot area');

  // A finger put low on the plot area and drawn 300 px up: real touch events through Chromium's
  // input pipeline, which scroll the page unless a touch listener cancels them.
  const x = Math.round(box.x + box.width / 2);
  const y = Math.round(box.y + box.height - 10);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let step = 1; step <= 10; step++) {
    const touchPoints = [{ x, y: y - step * 30 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 100);
  expect(errors).toEqual([]);
  await context.close();
});
