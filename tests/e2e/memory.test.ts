/**
 * Memory in the kernel: a cell that asks for more than the WASM backend can hold is
 * reported as running out of memory and the kernel comes back fresh; a cell that leaves
 * many tensors alive gets a gentle warning.
 *
 * `tf.fill([40000, 40000], 1)` (6.4 GB of float32) is the fast, reliable case: tfjs-wasm's
 * heap cannot grow that far and its view on the heap fails at once, without using the
 * memory. A JS-heap exhaustion ends the whole renderer in Chromium (see memory-trouble.ts),
 * which no page can survive, so it is not tested here.
 */
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
const WASM_LESSON = `${siteUrl}#/lesson/${LESSON}?backend=wasm`;

async function run(page: Parameters<typeof cell>[0], id: string): Promise<void> {
  await cell(page, id).getByRole('button', { name: /^Run/ }).click();
}

test('a cell that runs out of memory is reported and the kernel comes back', async () => {
  const { context, page } = await openPage(browser(), WASM_LESSON);
  await run(page, 'load');
  await waitForStatus(page, 'load', 'ok');

  await setCellCode(
    page,
    'tensors',
    "import * as tf from '@tensorflow/tfjs';\nconst huge = tf.fill([40000, 40000], 1);",
  );
  await run(page, 'tensors');
  await waitForStatus(page, 'tensors', 'error');
  await expect(cell(page, 'tensors').innerText()).resolves.toContain(
    'The kernel ran out of memory',
  );
  const banner = page.getByRole('alert').filter({ hasText: /ran out of memory and was restarted/ });
  await banner.waitFor({ timeout: STOP_RECOVERY_TIMEOUT_MS });
  await expect(banner.innerText()).resolves.toMatch(/state was lost/);
  await page
    .getByTestId('kernel-state')
    .filter({ hasText: 'Ready' })
    .waitFor({ timeout: STOP_RECOVERY_TIMEOUT_MS });

  // The fresh kernel works, and one click brings back what the cells above defined.
  await banner.getByRole('button', { name: /re-run/i }).click();
  await waitForStatus(page, 'load', 'ok');
  await setCellCode(page, 'tensors', 'data.rows.length');
  await run(page, 'tensors');
  await waitForStatus(page, 'tensors', 'ok');
  await expect(cell(page, 'tensors').locator('[data-testid="output"]').innerText()).resolves.toBe(
    '442',
  );
  await context.close();
});

test('a cell that leaves many tensors alive gets a gentle warning; tidy code does not', async () => {
  const { context, page } = await openPage(browser(), WASM_LESSON);
  const leak = cell(page, 'load').getByTestId('tensor-leak');
  await setCellCode(
    page,
    'load',
    "import * as tf from '@tensorflow/tfjs';\nconst kept = [];\nfor (let i = 0; i < 150; i++) kept.push(tf.ones([2]));",
  );
  await run(page, 'load');
  await waitForStatus(page, 'load', 'ok');
  await expect(leak.innerText()).resolves.toBe(
    'This cell left 150 tensors in memory; dispose them with tf.dispose or use tf.tidy.',
  );

  // The same work inside tf.tidy leaves nothing behind, so no warning.
  await setCellCode(
    page,
    'load',
    "import * as tf from '@tensorflow/tfjs';\ntf.tidy(() => {\n  for (let i = 0; i < 150; i++) tf.ones([2]);\n});",
  );
  await run(page, 'load');
  await waitForStatus(page, 'load', 'ok');
  expect(await leak.count()).toBe(0);
  await context.close();
});
