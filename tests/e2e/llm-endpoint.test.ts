/**
 * `llm.chat` from a lesson's cells, in the real kernel (its opaque origin: requests carry
 * `Origin: null`), against real OpenAI-compatible servers the test starts on loopback
 * (src/cli/chat-server): the course's tiny LM in Node for streamed text and Stop, and a
 * tool-calling test double for tool-call deltas. Failures come from the servers' modes.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startChatServer, type ChatServer } from '../../src/cli/chat-server/server';
import { loadTinyLMChat, type TinyLMChat } from '../../src/cli/chat-server/tiny-lm-chat';
import type { NotebookReport } from '../../src/ui/headless/report';
import { EchoToolCaller } from '../fixtures/echo-tool-caller';
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

let tiny: TinyLMChat;
let lm: ChatServer;
let tools: ChatServer;

beforeAll(async () => {
  tiny = await loadTinyLMChat(path.resolve(__dirname, '../../public/models/tiny-lm'));
  lm = await startChatServer({ provider: tiny });
  tools = await startChatServer({ provider: new EchoToolCaller() });
});
afterAll(async () => {
  await lm?.close();
  await tools?.close();
  tiny?.dispose();
});

const useLm = (extra = '') =>
  `import { llm } from 'playgrad';\nllm.use({ baseURL: '${lm.baseURL}', model: 'playgrad-tiny-lm'${extra} });\n`;

async function openLesson(): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
  await cell(page, 'load').locator('.cm-content').waitFor();
  return { page, errors };
}

/** Types `code` into cell `id`, runs it and waits for `status`; returns its outputs' text. */
async function run(page: Page, id: string, code: string, status = 'ok'): Promise<string> {
  await setCellCode(page, id, code);
  await cell(page, id).getByRole('button', { name: /^Run/ }).click();
  await waitForStatus(page, id, status);
  return (await cell(page, id).locator('[data-testid="output"]').allInnerTexts()).join('\n');
}

const outputText = (page: Page, id: string) =>
  cell(page, id)
    .locator('[data-testid="output"]')
    .allInnerTexts()
    .then((texts) => texts.join('\n'));

describe('llm.chat against an OpenAI-compatible server', () => {
  test('streams progressively; Stop mid-stream ends it and keeps the kernel', async () => {
    const { page, errors } = await openLesson();
    await run(page, 'load', 'const before = 42;\nbefore');

    await setCellCode(
      page,
      'tensors',
      `${useLm()}await llm.chat({ messages: [{ role: 'user', content: 'Call me Ishmael.' }], maxTokens: 100000, stream: true })`,
    );
    await cell(page, 'tensors').getByRole('button', { name: /^Run/ }).click();
    // The output names provider and model, then grows while the cell still runs.
    const generated = async () => {
      const text = await outputText(page, 'tensors');
      return text.startsWith('endpoint · playgrad-tiny-lm') ? (text.split('\n\n')[1] ?? '') : '';
    };
    await expect
      .poll(async () => (await generated()).length, { timeout: 60_000 })
      .toBeGreaterThan(10);
    const early = await generated();
    await expect
      .poll(async () => (await generated()).length, { timeout: 60_000 })
      .toBeGreaterThan(early.length + 20);
    expect(await cell(page, 'tensors').getAttribute('data-status')).toBe('running');
    expect((await generated()).startsWith(early)).toBe(true);

    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await waitForStatus(page, 'tensors', 'interrupted', STOP_RECOVERY_TIMEOUT_MS);
    await expect.poll(() => outputText(page, 'tensors')).toMatch(/\(stopped\)/);
    // Same kernel: the variable from before Stop is still there, and no state-lost banner.
    expect(await run(page, 'model', 'before + 1')).toContain('43');
    expect(await page.getByText(/state was lost/).count()).toBe(0);
    // The server saw the connection close, so it stopped generating.
    expect(lm.requests.filter((r) => r.method === 'POST').at(-1)?.cancelled).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('tool calls come back parsed; the usage is the server count', async () => {
    const { page } = await openLesson();
    const code = `import { llm } from 'playgrad';
llm.use({ baseURL: '${tools.baseURL}', model: 'echo-tool-caller' });
const answer = await llm.chat({
  messages: [{ role: 'user', content: '{"city":"Paris","days":3}' }],
  tools: [{ name: 'weather', description: 'The forecast', parameters: { type: 'object' } }],
});
console.log(JSON.stringify({ calls: answer.toolCalls, finish: answer.finishReason, usage: answer.usage }))`;
    const output = await run(page, 'load', code);
    expect(JSON.parse(output)).toEqual({
      calls: [{ id: 'call_1', name: 'weather', arguments: { city: 'Paris', days: 3 } }],
      finish: 'tool_calls',
      usage: { promptTokens: 25, completionTokens: 0 },
    });
    await page.context().close();
  });

  test('401, 429, CORS and timeout: each says what happened and what to do', async () => {
    const { page } = await openLesson();
    const ask = `await llm.chat({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 3 })`;

    lm.mode = { ...lm.mode, apiKey: 'sk-right' };
    const refused = await run(page, 'load', `${useLm(", apiKey: 'sk-wrong'")}${ask}`, 'error');
    expect(refused).toMatch(/EndpointError.*refused the API key \(HTTP 401\)/s);
    expect(refused).not.toContain('sk-wrong');
    lm.mode = { ...lm.mode, apiKey: undefined };

    // Twice rate-limited, then answered: the retries are invisible but for the time.
    lm.mode = { ...lm.mode, rateLimit: { times: 2, retryAfterSeconds: 0 } };
    const before = lm.requests.length;
    await run(page, 'tensors', `${useLm()}(${ask}).usage.completionTokens`);
    expect(await outputText(page, 'tensors')).toContain('3');
    expect(lm.requests.slice(before).filter((r) => r.method === 'POST')).toHaveLength(3);
    // Always rate-limited: given up after the retries, with the server's wait.
    lm.mode = { ...lm.mode, rateLimit: { times: 100, retryAfterSeconds: 0 } };
    const limited = await run(page, 'model', `${useLm()}${ask}`, 'error');
    expect(limited).toMatch(/rate-limiting these requests \(HTTP 429\) after 4 tries/);
    lm.mode = { ...lm.mode, rateLimit: undefined };

    lm.mode = { ...lm.mode, cors: false };
    const cors = await run(page, 'load', `${useLm()}${ask}`, 'error');
    expect(cors).toMatch(/CORS headers do not let this page call it/);
    expect(cors).toMatch(/origin 'null'/);
    expect(cors).toContain("OLLAMA_ORIGINS='*'");
    lm.mode = { ...lm.mode, cors: true };

    lm.mode = { ...lm.mode, hang: true };
    const slow = await run(page, 'tensors', `${useLm(', timeoutMs: 1500')}${ask}`, 'error');
    expect(slow).toMatch(/sent nothing for 1.5 s, so the request was given up/);
    lm.mode = { ...lm.mode, hang: false };

    const unknown = await run(
      page,
      'model',
      `${useLm()}await llm.chat({ model: 'gpt-99', messages: [{ role: 'user', content: 'Hi' }] })`,
      'error',
    );
    expect(unknown).toMatch(/no model 'gpt-99'/);
    await page.context().close();
  });
});

describe('playgrad run --chat-base-url', () => {
  const NOTEBOOK = `---
title: Chat through the runner
week: 99
order: 1
---

\`\`\`ts {id=ask}
import { llm } from 'playgrad';
const reply = await llm.chat({ messages: [{ role: 'user', content: 'Call me' }], maxTokens: 4 });
console.log(JSON.stringify({ current: llm.current(), tokens: reply.usage.completionTokens }));
\`\`\`
`;

  test('runs a notebook on the endpoint, the key from the environment', async () => {
    const key = 'sk-runner-5e8d1c';
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'playgrad-chat-')), 'chat.md');
    await writeFile(file, NOTEBOOK);
    lm.mode = { ...lm.mode, apiKey: key };
    try {
      const root = path.resolve(__dirname, '../..');
      const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          [
            path.join(root, 'bin/playgrad.mjs'),
            'run',
            file,
            '--json',
            '--chat-base-url',
            lm.baseURL,
            '--chat-model',
            'playgrad-tiny-lm',
          ],
          { cwd: root, env: { ...process.env, PLAYGRAD_CHAT_API_KEY: key } },
          (_error, stdout, stderr) => resolve({ stdout, stderr }),
        ),
      );
      const report = JSON.parse(stdout.trim()) as NotebookReport;
      expect(report.ok, stderr).toBe(true);
      const printed = JSON.stringify(report.cells[0].outputs);
      expect(printed).toContain('\\"provider\\":\\"endpoint\\"');
      expect(printed).toContain('\\"hasKey\\":true');
      expect(printed).toContain('\\"tokens\\":4');
      expect(lm.requests.at(-1)?.authorization).toBe(`Bearer ${key}`);
      expect(stdout + stderr).not.toContain(key);
    } finally {
      lm.mode = { ...lm.mode, apiKey: undefined };
    }
  });
});
