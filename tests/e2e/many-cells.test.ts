/**
 * A notebook of many cells opens without freezing the tab: editors are built lazily
 * (src/ui/editor/LazyEditor.svelte), so 800 cells are 800 plain-text placeholders first
 * and CodeMirror editors later, a few at a time. Before, every cell built its editor at
 * once: 500 cells froze the tab for 13 s and 2,000 for 86 s.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, openPage, useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();

const CELLS = 800;
/**
 * The longest pause between two frames while the notebook opens. A frozen tab pauses for
 * many seconds (18.6 s for these 800 cells before the fix, on an idle machine); a busy
 * machine stretches a responsive page's frames far less.
 */
const MAX_FRAME_GAP_MS = 5_000;
const OPEN_TIMEOUT_MS = 60_000;

function manyCells(count: number): string {
  const parts = ['---\ntitle: Many cells\nweek: 9\norder: 1\n---\n\n# Many cells\n'];
  for (let i = 1; i <= count; i++) {
    if (i % 10 === 1) parts.push(`\n## Part ${Math.ceil(i / 10)}\n`);
    parts.push(`\n\`\`\`ts\nconst x${i} = ${i};\n\`\`\`\n`);
  }
  return parts.join('');
}

/** Records the longest gap between animation frames until `stopFrames` reads it. */
function watchFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const watch = { maxGap: 0, stop: false };
    Reflect.set(window, '__frames', watch);
    let last = performance.now();
    const tick = (now: number): void => {
      if (watch.stop) return;
      watch.maxGap = Math.max(watch.maxGap, now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

function stopFrames(page: Page): Promise<number> {
  return page.evaluate(() => {
    const watch = Reflect.get(window, '__frames') as { maxGap: number; stop: boolean };
    watch.stop = true;
    return watch.maxGap;
  });
}

test(`a notebook of ${CELLS} cells opens with the page still drawing frames, and its cells work`, async () => {
  const { context, page, errors } = await openPage(browser(), `${siteUrl}#/`);
  page.setDefaultTimeout(OPEN_TIMEOUT_MS);
  await page.getByRole('button', { name: 'Import a notebook…' }).waitFor();
  await page.getByTestId('import-file').setInputFiles({
    name: 'many.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(manyCells(CELLS)),
  });
  const panel = page.getByTestId('import-panel');
  await panel.getByText('“Many cells” is now in Your notebooks. Nothing has run.').waitFor();

  await watchFrames(page);
  await panel.getByRole('link', { name: 'Open it' }).click();
  const last = cell(page, `cell-${CELLS}`);
  await last.waitFor();
  // The page answered while the cells appeared: no frame waited for all the editors.
  const maxGap = await stopFrames(page);
  expect(maxGap).toBeLessThan(MAX_FRAME_GAP_MS);
  expect(await page.locator('[data-testid="cell"]').count()).toBe(CELLS);
  // The last one shows its code, and is an editor when the learner clicks it.
  await expect(last.innerText()).resolves.toContain(`const x${CELLS} = ${CELLS};`);
  await last.scrollIntoViewIfNeeded();
  await last.getByText(`const x${CELLS}`).click();
  await last.locator('.cm-content').waitFor();
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
