/**
 * The Offline page's model manager: once a lesson's files are downloaded it lists the
 * shipped models with their sizes; a hub model in Transformers.js' cache is listed and can
 * be deleted; offline, the "use an online model" choice says why it is unavailable.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();

/** Precaching the app (~23 MB) and downloading one lesson's models (~7 MB) on two cores. */
const MANAGER_TEST_TIMEOUT_MS = 120_000;

const FAKE_HUB_FILE = 'https://huggingface.co/Xenova/fake-model/resolve/main/onnx/model.onnx';

async function waitForController(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('model manager', () => {
  test(
    'lists shipped and hub models with sizes, deletes a hub model, explains offline',
    async () => {
      const context = await browser().newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(siteUrl);
      await waitForController(page);

      // A hub model as Transformers.js would have stored it (12,345 bytes).
      await page.evaluate(async (url) => {
        const cache = await caches.open('transformers-cache');
        await cache.put(url, new Response(new Uint8Array(12_345)));
      }, FAKE_HUB_FILE);

      await page.getByRole('link', { name: 'Offline' }).click();
      const shipped = page.getByTestId('shipped-models');
      // Models are not precached: none is listed until the lesson that uses them is downloaded.
      await shipped.getByRole('cell', { name: /None stored yet/ }).waitFor();
      const embeddings = page.getByTestId('lesson-assets').getByRole('row', { name: /Embeddings/ });
      await embeddings.getByRole('button', { name: 'Download for offline' }).click();
      await embeddings.getByText('stored', { exact: true }).waitFor();
      const sifRow = shipped.getByRole('row', { name: /playgrad-sif-glove/ });
      await sifRow.waitFor();
      // config, tokenizer, tokenizer_config, model.onnx (the README is not loaded): 3.75 MB.
      await expect(sifRow.innerText()).resolves.toMatch(/playgrad-sif-glove\s+4\s+3\.7 MB/);
      await expect(shipped.getByRole('row', { name: /glove-subset/ }).innerText()).resolves.toMatch(
        /glove-subset\s+3\s+3\.4 MB/,
      );

      const hub = page.getByTestId('hub-models');
      const fakeRow = hub.getByRole('row', { name: /Xenova\/fake-model/ });
      await expect(fakeRow.innerText()).resolves.toMatch(/Xenova\/fake-model\s+1\s+12\.3 kB/);
      await page.getByRole('button', { name: 'Delete Xenova/fake-model' }).click();
      await page.getByText('Deleted Xenova/fake-model (1 files, 12.3 kB).').waitFor();
      await hub.getByRole('cell', { name: 'None.' }).waitFor();
      const left = await page.evaluate(async (url) => {
        const cache = await caches.open('transformers-cache');
        return (await cache.match(url)) !== undefined;
      }, FAKE_HUB_FILE);
      expect(left).toBe(false);

      // Online, the choice carries no warning; offline it says why it is unavailable.
      await expect(page.getByTestId('online-choice-reason').count()).resolves.toBe(0);
      await context.setOffline(true);
      await expect(page.getByTestId('online-choice-reason').innerText()).resolves.toContain(
        'this browser is offline',
      );
      await expect(
        page.getByTestId('online-choice').evaluate((el) => el.classList.contains('unavailable')),
      ).resolves.toBe(true);

      expect(errors).toEqual([]);
      await context.close();
    },
    MANAGER_TEST_TIMEOUT_MS,
  );
});
