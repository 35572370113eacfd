// Tables show numbers with the learner's decimal mark, while the kernel's values keep '.'.
import { expect, test } from 'vitest';
import { LESSON, cell, setCellCode, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

test('a German browser sees 1234,5 in a table; the cell still computes 1234.5', async () => {
  // The locale is set explicitly so the test does not depend on the machine's language.
  const context = await browser().newContext({ serviceWorkers: 'block', locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${siteUrl}#/lesson/${LESSON}`);
  await setCellCode(
    page,
    'load',
    [
      "import { table } from 'playgrad';",
      'console.log(String(1234.5));',
      'table([{ x: 1234.5, year: 2024 }])',
    ].join('\n'),
  );
  await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'load', 'ok');
  const cells = cell(page, 'load').locator('table tbody td');
  await expect(cells.allInnerTexts()).resolves.toEqual(['1234,5', '2024']);
  await expect(cell(page, 'load').locator('[data-stream="stdout"]').innerText()).resolves.toContain(
    '1234.5',
  );
  await context.close();
});
