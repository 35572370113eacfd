/**
 * The built site from a sub-path of a plain static server (no COOP/COEP, no SPA
 * fallback): the index, a lesson, the kernel worker, the WASM backend and the datasets
 * all load relative to the page, and the lesson runs green.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { distDir } from '../../src/cli/paths';
import {
  RUN_ALL_TIMEOUT_MS,
  cell,
  openMoreMenu,
  useAllSolutions,
  useBrowser,
  waitForStatus,
} from './browser';
import { servePlain, type PlainServer } from './plain-static-server';

const SUB_PATH = '/course/playgrad/';
const LESSON_CELLS = ['load', 'tensors', 'model', 'grad', 'cell-6', 'train', 'exact', 'rates'];

const { browser } = useBrowser();
let server: PlainServer;

beforeAll(async () => {
  server = await servePlain(distDir, SUB_PATH);
});
afterAll(async () => {
  await server?.close();
});

test('index and a lesson work from /course/playgrad/ on a plain static server', async () => {
  const context = await browser().newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });

  await page.goto(server.url);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  const link = page.getByRole('link', { name: /Gradient descent/ });
  await link.click();
  await page.waitForURL(/#\/lesson\/week1\/gradient-descent/);
  // The WASM backend, pinned, so its .wasm files must load from the sub-path too.
  await page.goto(`${page.url().split('?')[0]}?backend=wasm`);
  await page.reload();
  await cell(page, 'load').locator('.cm-content').waitFor();

  // The learner takes the exercises' solutions, so every cell (the checks too) runs green.
  page.on('dialog', (dialog) => void dialog.accept());
  await useAllSolutions(page);
  await page.getByRole('button', { name: 'Run all' }).click();
  await waitForStatus(page, 'rates', 'ok', RUN_ALL_TIMEOUT_MS);
  for (const id of LESSON_CELLS) {
    expect(await cell(page, id).getAttribute('data-status'), id).toBe('ok');
  }
  // Where the code runs is in the lesson bar's "More" menu.
  await openMoreMenu(page);
  await expect(page.getByTestId('backend').innerText()).resolves.toMatch(/WASM/);

  // Everything came from under the sub-path, and nothing was missing.
  // (The browser's own /favicon.ico probe at the origin's root is not the site's request.)
  const outside = server.requests.filter((path) => !path.startsWith(SUB_PATH));
  expect(outside.filter((path) => path !== '/favicon.ico')).toEqual([]);
  expect(server.requests.some((path) => path.endsWith('.wasm'))).toBe(true);
  expect(server.requests.some((path) => path.includes('/datasets/'))).toBe(true);
  expect(failed.filter((line) => !line.endsWith('/favicon.ico'))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
