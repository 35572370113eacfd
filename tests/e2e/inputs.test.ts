import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { LESSON, cell, openPage, setCellCode, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

async function runCell(page: Page, id: string, code: string): Promise<void> {
  await setCellCode(page, id, code);
  await cell(page, id).getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, id, 'ok');
}

/** Waits until the cell's last output reads `text` (dependent cells re-run on their own). */
async function waitForOutput(page: Page, id: string, text: string): Promise<void> {
  await cell(page, id)
    .locator('[data-testid="output"]')
    .last()
    .filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) })
    .waitFor({ timeout: 15_000 });
}

test('sliders, selects and buttons re-run the cells that use them, not their own cell', async () => {
  const { context, page, errors } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await runCell(
    page,
    'load',
    [
      "import { display, inputs } from 'playgrad';",
      "const rate = inputs.slider({ label: 'rate', min: 0, max: 10, step: 1, value: 2 });",
      "const factor = inputs.select({ label: 'factor', options: { two: 2, three: 3 } });",
      "const go = inputs.button({ label: 'Go' });",
      'display(rate); display(factor); display(go);',
    ].join('\n'),
  );
  await runCell(page, 'tensors', 'rate.value * factor.value + go.clicks');
  await waitForOutput(page, 'tensors', '4');
  const loadCount = await cell(page, 'load').getByLabel('Execution count').innerText();

  const slider = cell(page, 'load').getByRole('slider', { name: 'rate' });
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await waitForOutput(page, 'tensors', '10');
  await expect(cell(page, 'load').getByTestId('widget-value').first().innerText()).resolves.toBe(
    '5',
  );

  await cell(page, 'load').getByRole('combobox', { name: 'factor' }).selectOption('three');
  await waitForOutput(page, 'tensors', '15');
  await cell(page, 'load').getByRole('button', { name: 'Go' }).click();
  await waitForOutput(page, 'tensors', '16');

  // The widget cell itself never re-ran: the widgets kept their place and values.
  await expect(cell(page, 'load').getByLabel('Execution count').innerText()).resolves.toBe(
    loadCount,
  );
  expect(errors).toEqual([]);
  await context.close();
});

test('a file input reads a picked file, refuses a huge one; a canvas sends its pixels', async () => {
  const { context, page, errors } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await runCell(
    page,
    'load',
    [
      "import { inputs } from 'playgrad';",
      "const upload = inputs.file({ label: 'Your CSV', accept: '.csv' });",
      'upload',
    ].join('\n'),
  );
  await runCell(page, 'tensors', "(await upload.text({ fallback: 'none' })).toUpperCase()");
  await waitForOutput(page, 'tensors', '"NONE"');
  const picker = cell(page, 'load').getByLabel('Your CSV', { exact: true });
  await picker.setInputFiles({
    name: 'mine.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('a,b'),
  });
  await waitForOutput(page, 'tensors', '"A,B"');
  await picker.setInputFiles({
    name: 'huge.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(21 * 1024 * 1024, 'x'),
  });
  await expect(cell(page, 'load').getByRole('alert').innerText()).resolves.toMatch(
    /huge\.csv is 21\.0 MB; files up to 20\.0 MB/,
  );
  // An image is not read as text: refused with its name and what the picker reads.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  await picker.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await cell(page, 'load')
    .getByRole('alert')
    .filter({ hasText: 'photo.png is an image, not a text file: this picker reads text files' })
    .waitFor();
  // Nor is binary content under a text name (a NUL inside), found after reading it.
  await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: png });
  await cell(page, 'load')
    .getByRole('alert')
    .filter({ hasText: 'notes.txt is a binary file, not a text file' })
    .waitFor();
  await waitForOutput(page, 'tensors', '"A,B"');

  await runCell(page, 'model', "const pad = inputs.canvas({ label: 'digit' });\npad");
  await runCell(page, 'grad', 'pad.pixels().filter((v) => v > 0).length');
  await waitForOutput(page, 'grad', '0');
  const pad = cell(page, 'model').getByTestId('canvas-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no drawing pad');
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 40, { steps: 10 });
  await page.mouse.up();
  await cell(page, 'grad')
    .locator('[data-testid="output"]')
    .last()
    .filter({ hasText: /^\s*[1-9]\d*\s*$/ })
    .waitFor({ timeout: 15_000 });
  expect(errors).toEqual([]);
  await context.close();
});

test('plot.images, plot.confusion and plot.tree draw with Plotly', async () => {
  const { context, page, errors } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await runCell(
    page,
    'load',
    [
      "import { display, plot } from 'playgrad';",
      'const dots = [0, 1, 2].map((i) => [i / 2, 0, 0, 1]);',
      "display(plot.images(dots, { columns: 3, labels: ['a', 'b', 'c'] }));",
      "display(plot.confusion([[5, 1], [2, 7]], { labels: ['no', 'yes'] }));",
      'const leaf = (value: number[]) => ({ impurity: 0, samples: 2, value });',
      'plot.tree({ feature: 0, threshold: 1.5, impurity: 0.5, samples: 4,',
      "  value: [2, 2], left: leaf([2, 0]), right: leaf([0, 2]) }, { featureNames: ['size'] })",
    ].join('\n'),
  );
  const plots = cell(page, 'load').locator('[data-mime="application/vnd.plotly.v1+json"]');
  await plots.nth(2).locator('.main-svg').first().waitFor({ timeout: 15_000 });
  await expect(plots.count()).resolves.toBe(3);
  await expect(plots.nth(1).innerText()).resolves.toMatch(/7/);
  await expect(plots.nth(2).innerText()).resolves.toMatch(/size ≤ 1\.5/);
  expect(errors).toEqual([]);
  await context.close();
});
