import { expect, test } from 'vitest';
import { LESSON, cell, openPage, setCellCode, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

// A 2×2 red PNG.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';

test('values, tensors, images, streams and errors render in the cell', async () => {
  const { context, page } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await setCellCode(
    page,
    'load',
    [
      "import * as tf from '@tensorflow/tfjs';",
      "import { display, MIMEBUNDLE } from 'playgrad';",
      `display({ [MIMEBUNDLE]: () => ({ 'image/png': '${PNG}', 'text/plain': 'red' }) });`,
      'display(Array.from({ length: 1000 }, (_, i) => i));',
      "console.error('careful');",
      'tf.tensor2d([[1, 2], [3, 4]])',
    ].join('\n'),
  );
  await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'load', 'ok');
  const output = (mime: string) =>
    cell(page, 'load').locator(`[data-testid="output"][data-mime="${mime}"]`);
  const img = output('image/png').locator('img');
  await expect(img.getAttribute('src')).resolves.toContain('data:image/png;base64,');
  await expect(output('text/plain').innerText()).resolves.toMatch(/more/);
  await expect(cell(page, 'load').locator('[data-stream="stderr"]').innerText()).resolves.toContain(
    'careful',
  );
  const tensor = await output('application/vnd.playgrad.tensor+json').innerText();
  expect(tensor).toMatch(/float32/);
  expect(tensor).toMatch(/\[2, 2\]|2 × 2|2×2/);

  // An error names the line in the cell's own TypeScript, types above included.
  await setCellCode(
    page,
    'tensors',
    ['type Point = { x: number };', 'const p: Point = { x: 1 };', '', 'p.x.toFixed(-5);'].join(
      '\n',
    ),
  );
  await cell(page, 'tensors').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'tensors', 'error');
  const error = await cell(page, 'tensors').locator('[data-mime="error"]').innerText();
  expect(error).toMatch(/RangeError/);
  expect(error).toMatch(/line 4/);
  await context.close();
});
