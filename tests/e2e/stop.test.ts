import { expect, test } from 'vitest';
import {
  LESSON,
  STOP_RECOVERY_TIMEOUT_MS,
  cell,
  cellCode,
  openPage,
  setCellCode,
  useBrowser,
  waitForStatus,
} from './browser';

const { browser, siteUrl } = useBrowser();

test('Stop ends a runaway cell, the page stays responsive, cells above re-run', async () => {
  const { context, page } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'load', 'ok');

  await setCellCode(page, 'tensors', 'let spins = 0;\nwhile (true) { spins++; }');
  await cell(page, 'tensors').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'tensors', 'running');

  // The UI thread is free while the kernel spins: the page paints a frame and the
  // learner can type in another cell, all while the runaway cell is still running.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await setCellCode(page, 'model', '// typed while the kernel spins');
  await expect.poll(() => cellCode(page, 'model')).toBe('// typed while the kernel spins');
  expect(await cell(page, 'tensors').getAttribute('data-status')).toBe('running');

  await page.getByRole('button', { name: 'Stop' }).click();
  const banner = page.getByRole('alert').filter({ hasText: /state was lost/i });
  await banner.waitFor({ timeout: STOP_RECOVERY_TIMEOUT_MS });
  expect(await cell(page, 'tensors').getAttribute('data-status')).toBe('interrupted');

  // One click re-runs the cells that had run before: the new kernel has `data` again.
  await banner.getByRole('button', { name: /re-run/i }).click();
  await waitForStatus(page, 'load', 'ok');
  await setCellCode(page, 'tensors', 'data.rows.length');
  await cell(page, 'tensors').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'tensors', 'ok');
  await expect(cell(page, 'tensors').locator('[data-testid="output"]').innerText()).resolves.toBe(
    '442',
  );
  await context.close();
});

test('Stop ends a training loop gently: the cell is interrupted, the kernel keeps its state', async () => {
  const { context, page } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'load', 'ok');

  await setCellCode(
    page,
    'tensors',
    [
      "import * as tf from '@tensorflow/tfjs';",
      "import { progress } from 'playgrad';",
      'let steps = 0;',
      'for await (const i of progress(1e9, { label: "training" })) {',
      '  tf.tidy(() => tf.randomNormal([64, 64]).matMul(tf.randomNormal([64, 64])));',
      '  steps++;',
      '}',
    ].join('\n'),
  );
  await cell(page, 'tensors').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'tensors', 'running');
  // Stop once the loop has really taken steps (the bar moved), not after a guessed time.
  const bar = cell(page, 'tensors').getByRole('progressbar');
  await expect
    .poll(() => bar.evaluate((el) => (el as HTMLProgressElement).value), {
      timeout: STOP_RECOVERY_TIMEOUT_MS,
    })
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Stop' }).click();
  await waitForStatus(page, 'tensors', 'interrupted', STOP_RECOVERY_TIMEOUT_MS);
  await expect(cell(page, 'tensors').innerText()).resolves.toMatch(/Interrupted|Stopped/);

  // No restart was needed: no "state was lost" banner, and the names survive.
  expect(
    await page
      .getByRole('alert')
      .filter({ hasText: /state was lost/i })
      .count(),
  ).toBe(0);
  await setCellCode(page, 'model', 'steps > 0 && data.rows.length === 442');
  await cell(page, 'model').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'model', 'ok');
  await expect(cell(page, 'model').locator('[data-testid="output"]').innerText()).resolves.toBe(
    'true',
  );
  await context.close();
});

test('Stop during model.fit ends the cell at a batch: the model and every variable survive', async () => {
  const { context, page } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await setCellCode(
    page,
    'tensors',
    [
      "import * as tf from '@tensorflow/tfjs';",
      'const x = 42;',
      'const model = tf.sequential();',
      'model.add(tf.layers.dense({ units: 1, inputShape: [64] }));',
      "model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });",
      'const xs = tf.randomNormal([4096, 64]);',
      'const ys = tf.randomNormal([4096, 1]);',
      // No callback of the lesson's own: the kernel's fit watcher shows the bar and stops.
      'await model.fit(xs, ys, { epochs: 10000, batchSize: 32 });',
    ].join('\n'),
  );
  await cell(page, 'tensors').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'tensors', 'running');
  // Stop once training has really taken batches (the bar moved), not after a guessed time.
  const bar = cell(page, 'tensors').getByRole('progressbar');
  await expect
    .poll(() => bar.evaluate((el) => (el as HTMLProgressElement).value), {
      timeout: STOP_RECOVERY_TIMEOUT_MS,
    })
    .toBeGreaterThan(0);
  await expect(cell(page, 'tensors').getByTestId('progress-times').innerText()).resolves.toMatch(
    /^\[\d\d:\d\d<[\d:?]+, [\d.?]+(it\/s|s\/it), loss=/,
  );
  await page.getByRole('button', { name: 'Stop' }).click();
  await waitForStatus(page, 'tensors', 'interrupted', STOP_RECOVERY_TIMEOUT_MS);
  await expect(cell(page, 'tensors').innerText()).resolves.toMatch(
    /Training stopped in epoch \d+ of 10000, after batch \d+ of 128\. The model keeps the weights/,
  );

  // The kernel was not replaced: no "state was lost", and x and the model are still there.
  expect(
    await page
      .getByRole('alert')
      .filter({ hasText: /state was lost/i })
      .count(),
  ).toBe(0);
  await setCellCode(
    page,
    'model',
    'x * 1000 + (model.predict(tf.ones([2, 64])) as tf.Tensor).size',
  );
  await cell(page, 'model').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'model', 'ok');
  await expect(cell(page, 'model').locator('[data-testid="output"]').innerText()).resolves.toBe(
    '42002',
  );
  await context.close();
});

test('Stop during fit with batches longer than the ping waits for the batch, keeping the kernel', async () => {
  const { context, page } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await setCellCode(
    page,
    'tensors',
    [
      "import * as tf from '@tensorflow/tfjs';",
      'const x = 42;',
      'const model = tf.sequential();',
      'model.add(tf.layers.dense({ units: 1, inputShape: [8] }));',
      "model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });",
      'const xs = tf.randomNormal([512, 8]);',
      'const ys = tf.randomNormal([512, 1]);',
      // Each batch holds the kernel for 2 s, as a big CNN batch on WASM would: no message
      // (not even the page's ping) is read meanwhile.
      'const hold = () => { const end = Date.now() + 2000; while (Date.now() < end) {} };',
      'await model.fit(xs, ys, { epochs: 100, batchSize: 32, callbacks: { onBatchEnd: hold } });',
    ].join('\n'),
  );
  await cell(page, 'tensors').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'tensors', 'running');
  // Stop just as a batch ends, so the Stop lands in the next batch's 2 s hold.
  const barValue = (before: number) =>
    (document.querySelector<HTMLProgressElement>('[data-cell-id="tensors"] progress')?.value ?? 0) >
    before;
  await page.waitForFunction(barValue, 0, { timeout: STOP_RECOVERY_TIMEOUT_MS });
  const seen = await cell(page, 'tensors')
    .locator('progress')
    .evaluate((el) => (el as HTMLProgressElement).value);
  await page.waitForFunction(barValue, seen, { polling: 'raf', timeout: STOP_RECOVERY_TIMEOUT_MS });
  await page.getByRole('button', { name: 'Stop' }).click();
  await waitForStatus(page, 'tensors', 'interrupted', STOP_RECOVERY_TIMEOUT_MS);
  await expect(cell(page, 'tensors').innerText()).resolves.toMatch(/Training stopped in epoch/);
  expect(
    await page
      .getByRole('alert')
      .filter({ hasText: /state was lost/i })
      .count(),
  ).toBe(0);
  await setCellCode(page, 'model', 'x');
  await cell(page, 'model').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'model', 'ok');
  await expect(cell(page, 'model').locator('[data-testid="output"]').innerText()).resolves.toBe(
    '42',
  );
  await context.close();
});
