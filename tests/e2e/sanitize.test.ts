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
