import type { Locator } from 'playwright-core';
import { expect, test } from 'vitest';
import { LESSON, cell, openPage, setCellCode, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

test('HTML and Markdown outputs are sanitized: an onerror handler never runs', async () => {
  const { context, page } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  // Counts the broken images' error events (they do not bubble; a capturing listener sees
  // them): once both fired, an inline handler would have run by then too.
  await page.evaluate(() => {
    const w = window as unknown as { __imageErrors: number };
    w.__imageErrors = 0;
    document.addEventListener(
      'error',
      (e) => e.target instanceof HTMLImageElement && w.__imageErrors++,
      true,
    );
  });
  await setCellCode(
    page,
    'load',
    [
      "import { display, html, md } from 'playgrad';",
      'display(md(\'<img src=x onerror="window.__xssMd = 1"> **bold**\'));',
      'html(\'<img src=x onerror="window.__xss = 1"><script>window.__xss2 = 1</script><b>hi</b>\')',
    ].join('\n'),
  );
  await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'load', 'ok');
  const outputs = cell(page, 'load').locator('[data-testid="output"]');
  await expect(outputs.count()).resolves.toBe(2);
  await expect(outputs.nth(1).locator('b').innerText()).resolves.toBe('hi');
  await expect(outputs.nth(0).locator('strong').innerText()).resolves.toBe('bold');
  // The positive control: both images really failed to load (their error events fired).
  await page.waitForFunction(
    () => (window as unknown as { __imageErrors: number }).__imageErrors === 2,
  );
  const fired = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return [w.__xss, w.__xss2, w.__xssMd];
  });
  expect(fired).toEqual([undefined, undefined, undefined]);
  expect(await cell(page, 'load').locator('[onerror], script').count()).toBe(0);
  await context.close();
});

/** A full-page overlay, as a hostile output or notebook would write it. */
const COVER =
  '<div data-testid="cover" style="position:fixed;inset:0;z-index:2147483647;' +
  'background:rgba(200,0,0,0.3)">cover</div>';

/** Whether a click at the middle of the element would reach it (nothing lies on top). */
function receivesClicks(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    el.scrollIntoView({ block: 'center' });
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return top !== null && (el === top || el.contains(top));
  });
}

test('a position:fixed overlay in an html() output stays inside it: the page stays clickable', async () => {
  const { context, page, errors } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await setCellCode(page, 'tensors', '6 * 7');
  await setCellCode(page, 'load', `import { html } from 'playgrad';\nhtml('${COVER}')`);
  await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'load', 'ok');
  // The positive control: the overlay is really there, with its style.
  const cover = cell(page, 'load').getByTestId('cover');
  await expect(cover.evaluate((el) => getComputedStyle(el).position)).resolves.toBe('fixed');

  const run = cell(page, 'tensors').getByRole('button', { name: /^Run/ });
  await expect(receivesClicks(run)).resolves.toBe(true);
  await expect(receivesClicks(page.getByRole('button', { name: 'Run all' }))).resolves.toBe(true);
  await run.click();
  await waitForStatus(page, 'tensors', 'ok');
  await cell(page, 'tensors').getByText('42').waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('an imported notebook cannot clobber document.createElement or cover the page', async () => {
  const { context, page, errors } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  const text =
    '---\ntitle: Hostile prose\nweek: 9\norder: 1\n---\n\n# Mine\n\n' +
    '<img name="createElement" src="missing.png" alt="clobber">\n\n' +
    `${COVER}\n\n\`\`\`ts\n6 * 7\n\`\`\`\n`;
  await page.getByTestId('import-file').setInputFiles({
    name: 'hostile.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(text),
  });
  const panel = page.getByTestId('import-panel');
  await panel.getByRole('link', { name: 'Open it' }).click();
  const notebook = page.getByTestId('notebook');
  await notebook.getByRole('img', { name: 'clobber' }).waitFor();
  await expect(notebook.getByTestId('cover').isVisible()).resolves.toBe(true);
  expect(await page.evaluate(() => typeof document.createElement)).toBe('function');

  // The app still works: the cell's Run is reachable and runs.
  const run = cell(page, 'cell-1').getByRole('button', { name: /^Run/ });
  await expect(receivesClicks(run)).resolves.toBe(true);
  await run.click();
  await cell(page, 'cell-1').getByText('42').waitFor({ timeout: 60_000 });
  expect(errors).toEqual([]);
  await context.close();
});
