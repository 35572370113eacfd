/**
 * The kernel names its own trouble: an ordinary RangeError is not out of memory, a cell
 * that closes the worker is reported (not left showing "Ready"), and tensors a cell
 * leaves over several runs add up to the leak note.
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
const WASM_LESSON = `${siteUrl}#/lesson/${LESSON}?backend=wasm`;

async function run(page: Page, id: string): Promise<void> {
  await cell(page, id).getByRole('button', { name: /^Run/ }).click();
}

test('new Array(-1) is an ordinary error: the kernel keeps its state', async () => {
  const { context, page } = await openPage(browser(), WASM_LESSON);
  await setCellCode(page, 'load', 'const kept = 41;');
  await run(page, 'load');
  await waitForStatus(page, 'load', 'ok');
  await setCellCode(page, 'tensors', 'new Array(-1)');
  await run(page, 'tensors');
  await waitForStatus(page, 'tensors', 'error');
  await expect(cell(page, 'tensors').getByTestId('output').innerText()).resolves.toMatch(
    /^RangeError: Invalid array length/,
  );
  // Positive control for the absence of a restart: the state is still there.
  await setCellCode(page, 'tensors', 'kept + 1');
  await run(page, 'tensors');
  await waitForStatus(page, 'tensors', 'ok');
  await expect(cell(page, 'tensors').getByTestId('output').innerText()).resolves.toBe('42');
  await expect(page.getByText(/ran out of memory/).count()).resolves.toBe(0);
  await context.close();
});

test('a cell that calls self.close() is reported and the kernel comes back', async () => {
  const { context, page } = await openPage(browser(), WASM_LESSON);
  await setCellCode(page, 'load', 'self.close();');
  await run(page, 'load');
  const banner = page
    .getByRole('alert')
    .filter({ hasText: /closed it \(self\.close\(\)\)\. A fresh/ });
  await banner.waitFor({ timeout: STOP_RECOVERY_TIMEOUT_MS });
  await waitForStatus(page, 'load', 'error');
  await page
    .getByTestId('kernel-state')
    .filter({ hasText: 'Ready' })
    .waitFor({ timeout: STOP_RECOVERY_TIMEOUT_MS });
  await setCellCode(page, 'load', '1 + 1');
  await run(page, 'load');
  await waitForStatus(page, 'load', 'ok');
  await expect(cell(page, 'load').getByTestId('output').innerText()).resolves.toBe('2');
  await context.close();
});

test('a cell leaving 99 tensors per run gets the leak note on its second run', async () => {
  const { context, page } = await openPage(browser(), WASM_LESSON);
  const leak = cell(page, 'load').getByTestId('tensor-leak');
  await setCellCode(
    page,
    'load',
    "import * as tf from '@tensorflow/tfjs';\nfor (let i = 0; i < 99; i++) tf.ones([2]);",
  );
  await run(page, 'load');
  await waitForStatus(page, 'load', 'ok');
  await expect(leak.count()).resolves.toBe(0);
  await run(page, 'load');
  await leak.waitFor();
  await expect(leak.innerText()).resolves.toBe(
    'This cell left 198 tensors in memory; dispose them with tf.dispose or use tf.tidy.',
  );
  await context.close();
});
