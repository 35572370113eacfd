/**
 * The API key of the chat model settings (issue 12): it reaches the kernel (the server gets
 * it) and nothing else — not the outputs, an export (.md, .ipynb), a share link, localStorage,
 * IndexedDB or the console — and a reload forgets it. With "Keep the key in this browser" it
 * is in IndexedDB ('playgrad-settings') and nowhere else, and comes back after a reload.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startChatServer, type ChatServer } from '../../src/cli/chat-server/server';
import {
  TINY_LM_MODEL,
  loadTinyLMChat,
  type TinyLMChat,
} from '../../src/cli/chat-server/tiny-lm-chat';
import { LESSON, cell, openMoreMenu, setCellCode, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();
const KEY = 'sk-test-7f3a9c2e1b5d4f60';

let tiny: TinyLMChat;
let server: ChatServer;

beforeAll(async () => {
  tiny = await loadTinyLMChat(path.resolve(__dirname, '../../public/models/tiny-lm'));
  server = await startChatServer({ provider: tiny, mode: { apiKey: KEY } });
});
afterAll(async () => {
  await server?.close();
  tiny?.dispose();
});

const CHAT = `import { llm } from 'playgrad';
const reply = await llm.chat({ messages: [{ role: 'user', content: 'Call me' }], maxTokens: 5, stream: true });
llm.current()`;

async function openLesson(): Promise<{ page: Page; logs: string[] }> {
  const context = await browser().newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  page.on('pageerror', (error) => logs.push(error.message));
  await page.goto(`${siteUrl}#/lesson/${LESSON}`);
  await cell(page, 'load').locator('.cm-content').waitFor();
  return { page, logs };
}

async function chooseEndpoint(page: Page, keep: boolean): Promise<void> {
  await openMoreMenu(page);
  const settings = page.getByTestId('chat-model-settings');
  await settings.locator('summary').click();
  await settings.getByLabel('Endpoint URL').fill(server.baseURL);
  await settings.getByLabel('Model').fill(TINY_LM_MODEL);
  await settings.getByLabel('API key').fill(KEY);
  await settings.getByLabel('Keep the key in this browser').setChecked(keep);
  await settings.getByRole('button', { name: 'Use this endpoint' }).click();
  await settings.getByText(`Cells now use ${TINY_LM_MODEL} at 127.0.0.1`).waitFor();
  // The field is emptied: the key is not left in the page.
  expect(await settings.getByLabel('API key').inputValue()).toBe('');
}

async function runChat(page: Page, status: 'ok' | 'error'): Promise<string> {
  await setCellCode(page, 'load', CHAT);
  await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, 'load', status);
  return (await cell(page, 'load').locator('[data-testid="output"]').allInnerTexts()).join('\n');
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).first().click(),
  ]);
  return readFile(await file.path(), 'utf8');
}

/** Every IndexedDB database and store of the page's origin, and localStorage, as text. */
function storageDump(page: Page): Promise<{ indexedDB: Record<string, string>; local: string }> {
  return page.evaluate(async () => {
    const dump: Record<string, string> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        dump[`${name}/${store}`] = await new Promise<string>((ok) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => ok(JSON.stringify(all.result));
        });
      }
      db.close();
    }
    return { indexedDB: dump, local: JSON.stringify({ ...localStorage }) };
  });
}

describe('the chat API key', () => {
  test('reaches the server and is in no output, export, link, storage or log; a reload forgets it', async () => {
    const { page, logs } = await openLesson();
    await chooseEndpoint(page, false);
    const output = await runChat(page, 'ok');
    expect(output).toContain(`endpoint · ${TINY_LM_MODEL}`);
    expect(output).toMatch(/hasKey: true/);
    expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${KEY}`);

    const everything = [output];
    everything.push(await download(page, 'Export .md'));
    everything.push(await download(page, 'Export .ipynb'));
    await page.getByRole('button', { name: 'Copy link with my edits' }).click();
    everything.push(await page.getByTestId('share-link').getByRole('textbox').inputValue());
    const dump = await storageDump(page);
    everything.push(JSON.stringify(dump), page.url(), await page.content(), ...logs);
    for (const text of everything) expect(text).not.toContain(KEY);
    // The export really has the output, and the dump really read the databases.
    expect(everything[1]).toContain('llm.chat');
    expect(Object.keys(dump.indexedDB).length).toBeGreaterThan(0);
    expect(dump.local).toContain(server.baseURL);

    // After a reload the address and model are kept, the key is not: the server refuses.
    await page.reload();
    await cell(page, 'load').locator('.cm-content').waitFor();
    const refused = await runChat(page, 'error');
    expect(refused).toMatch(/refused the API key \(HTTP 401\)/);
    await page.context().close();
  });

  test('kept in this browser: in IndexedDB only, back after a reload, gone when forgotten', async () => {
    const { page, logs } = await openLesson();
    await chooseEndpoint(page, true);
    await expect.poll(async () => JSON.stringify(await storageDump(page))).toContain(KEY);
    const dump = await storageDump(page);
    const holding = Object.entries(dump.indexedDB)
      .filter(([, text]) => text.includes(KEY))
      .map(([store]) => store);
    expect(holding).toEqual(['playgrad-settings/secrets']);
    expect(dump.local).not.toContain(KEY);

    await page.reload();
    await cell(page, 'load').locator('.cm-content').waitFor();
    expect(await runChat(page, 'ok')).not.toContain(KEY);
    expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${KEY}`);

    await openMoreMenu(page);
    const settings = page.getByTestId('chat-model-settings');
    await settings.locator('summary').click();
    await settings.getByRole('button', { name: 'Forget the key' }).click();
    await settings.getByText('The key is forgotten.').waitFor();
    expect(JSON.stringify(await storageDump(page))).not.toContain(KEY);
    for (const line of logs) expect(line).not.toContain(KEY);
    await page.context().close();
  });
});
