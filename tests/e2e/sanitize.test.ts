import { expect, test } from 'vitest';
import { LESSON, cell, openPage, setCellCode, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

test('HTML and Markdown outputs are sanitized: an onerror handler never runs', async () => {
  const { context, page } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
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
  // Give a broken image's error event time to fire, were a handler present.
  await page.waitForTimeout(500);
  const fired = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return [w.__xss, w.__xss2, w.__xssMd];
  });
  expect(fired).toEqual([undefined, undefined, undefined]);
  expect(await cell(page, 'load').locator('[onerror], script').count()).toBe(0);
  await context.close();
});
