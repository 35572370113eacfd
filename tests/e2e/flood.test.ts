/**
 * Output floods cannot freeze the page. The page's responsiveness is measured in the page
 * itself: a requestAnimationFrame loop records the longest gap between two frames while
 * the flood runs, and the test asserts on that gap (a condition, not a total duration).
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  LESSON,
  STOP_RECOVERY_TIMEOUT_MS,
  cell,
  openPage,
  setCellCode,
  useBrowser,
  waitForStatus,
} from './browser';

const { browser, siteUrl } = useBrowser();

/**
 * The longest pause between frames the test accepts while outputs pour in. The goal is a
 * frame every 100 ms, and an idle machine meets it (docs/decisions.md), but a frame gap
 * is wall-clock time: on a loaded machine a responsive page still saw 1.5 s once. So the
 * test bounds it at 3 s, a bound a frozen page misses by far (before the fix: 9.6 s for
 * 1e4 lines, 36 s for 3,000 displays, minutes for 1e6 lines).
 */
const MAX_FRAME_GAP_MS = 3_000;
/** A flood is slow on two busy cores; what is tested is the frame gap, not this. */
const FLOOD_TIMEOUT_MS = 110_000;
/** A first kernel start measures backends; slow when other tests share the cores. */
const KERNEL_START_TIMEOUT_MS = 60_000;

interface FrameWatch {
  maxGap: number;
  frames: number;
}

/** Starts recording the longest gap between animation frames in the page. */
async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const watch = { maxGap: 0, frames: 0, stop: false };
    Reflect.set(window, '__frameWatch', watch);
    let last = performance.now();
    const tick = (now: number): void => {
      if (watch.stop) return;
      watch.maxGap = Math.max(watch.maxGap, now - last);
      watch.frames += 1;
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopWatching(page: Page): Promise<FrameWatch> {
  return page.evaluate(() => {
    const watch = Reflect.get(window, '__frameWatch') as FrameWatch & { stop: boolean };
    watch.stop = true;
    return { maxGap: watch.maxGap, frames: watch.frames };
  });
}

/**
 * The frame gap a flood may cause: MAX_FRAME_GAP_MS, or on a machine so loaded that a
 * kernel merely spinning (printing nothing) already delays frames, three times the gap
 * measured then (the kernel's thread takes a core from the page). A frozen page shows gaps
 * of seconds, so either bound tells it apart.
 */
async function frameGapAllowed(page: Page): Promise<number> {
  await setCellCode(page, 'load', 'const t0 = Date.now();\nwhile (Date.now() - t0 < 2000) {}');
  await watchFrames(page);
  await run(page, 'load');
  await waitForStatus(page, 'load', 'ok');
  const calm = await stopWatching(page);
  return Math.max(MAX_FRAME_GAP_MS, 3 * calm.maxGap);
}

async function openLesson(): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await opened.page
    .getByTestId('kernel-state')
    .filter({ hasText: 'Ready' })
    .waitFor({ timeout: KERNEL_START_TIMEOUT_MS });
  return opened;
}

async function run(page: Page, id: string): Promise<void> {
  await cell(page, id).getByRole('button', { name: /^Run/ }).click();
}

test(
  'a million console.log lines keep the page drawing frames; the cell keeps the last 5,000',
  async () => {
    const { context, page } = await openLesson();
    const allowedGap = await frameGapAllowed(page);
    await setCellCode(page, 'load', "for (let i = 0; i < 1e6; i++) console.log('line ' + i);");
    await watchFrames(page);
    await run(page, 'load');
    await waitForStatus(page, 'load', 'ok', FLOOD_TIMEOUT_MS);
    const watch = await stopWatching(page);

    expect(watch.frames).toBeGreaterThan(0);
    expect(watch.maxGap).toBeLessThan(allowedGap);
    const outputs = cell(page, 'load').getByTestId('output');
    await expect(outputs.count()).resolves.toBe(1);
    await expect(cell(page, 'load').getByTestId('stream-truncated').innerText()).resolves.toBe(
      'Output truncated: 995,000 earlier lines were not kept (a cell keeps its last 5,000).',
    );
    await expect(outputs.locator('pre').innerText()).resolves.toMatch(
      /^line 995000\nline 995001\n/,
    );
    await expect(
      cell(page, 'load').getByRole('button', { name: 'Show all 5000 lines' }).count(),
    ).resolves.toBe(1);
    await context.close();
  },
  FLOOD_TIMEOUT_MS + 30_000,
);

test(
  '3,000 display() calls keep the page drawing frames; a cell keeps its first 1,000 outputs',
  async () => {
    const { context, page } = await openLesson();
    const allowedGap = await frameGapAllowed(page);
    await setCellCode(
      page,
      'load',
      "import { display } from 'playgrad';\nfor (let i = 0; i < 3000; i++) display(i);",
    );
    await watchFrames(page);
    await run(page, 'load');
    await waitForStatus(page, 'load', 'ok', FLOOD_TIMEOUT_MS);
    const watch = await stopWatching(page);

    expect(watch.maxGap).toBeLessThan(allowedGap);
    const outputs = cell(page, 'load').getByTestId('output');
    await expect(outputs.count()).resolves.toBe(1001);
    await expect(outputs.nth(999).innerText()).resolves.toBe('999');
    await expect(outputs.last().innerText()).resolves.toBe(
      'Output truncated: 2000 more outputs were not kept (a cell keeps its first 1000).',
    );
    await context.close();
  },
  FLOOD_TIMEOUT_MS + 30_000,
);

test(
  'a timer that keeps printing after its cell finished leaves Stop and Restart usable',
  async () => {
    const { context, page } = await openLesson();
    const allowedGap = await frameGapAllowed(page);
    await setCellCode(
      page,
      'load',
      "setInterval(() => { for (let i = 0; i < 2000; i++) console.log('tick ' + i); }, 0);\n'started'",
    );
    await watchFrames(page);
    await run(page, 'load');
    await waitForStatus(page, 'load', 'ok');
    // The flood is under way: the cell's text grows past its limit.
    await cell(page, 'load').getByTestId('stream-truncated').waitFor({ timeout: 30_000 });

    // Stop is offered for the leftover timer, and it ends the flood.
    const stop = page.getByRole('button', { name: 'Stop' });
    await stop.click({ timeout: 10_000 });
    const banner = page.getByRole('alert').filter({ hasText: /still printing/ });
    await banner.waitFor({ timeout: STOP_RECOVERY_TIMEOUT_MS });
    const watch = await stopWatching(page);
    expect(watch.maxGap).toBeLessThan(allowedGap);
    await page
      .getByTestId('kernel-state')
      .filter({ hasText: 'Ready' })
      .waitFor({ timeout: STOP_RECOVERY_TIMEOUT_MS });
    await expect(stop.isDisabled()).resolves.toBe(true);

    // The same flood again: Restart is clickable during it and ends it too.
    await run(page, 'load');
    await waitForStatus(page, 'load', 'ok');
    await cell(page, 'load').getByTestId('stream-truncated').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Restart' }).click({ timeout: 10_000 });
    // Restart asks first (it throws the kernel's state away).
    await page.getByRole('dialog').getByRole('button', { name: 'Restart' }).click();
    await page
      .getByTestId('kernel-state')
      .filter({ hasText: 'Ready' })
      .waitFor({ timeout: STOP_RECOVERY_TIMEOUT_MS });
    await expect(stop.isDisabled()).resolves.toBe(true);
    await context.close();
  },
  FLOOD_TIMEOUT_MS,
);
