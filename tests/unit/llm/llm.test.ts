/**
 * `llm.chat`, `llm.use`, `llm.current` in Node with a recording kernel context: the streamed
 * output, Stop, the choice of provider, and the key kept out of what cells can see.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { InterruptedError } from '../../../src/lib/context';
import { applySettings } from '../../../src/lib/llm/choice';
import * as llm from '../../../src/lib/llm/index';
import { flushPendingOutputs } from '../../../src/lib/throttle';
import type { ChatHooks, ChatRequest } from '../../../src/lib/llm/types';
import { EchoToolCaller } from '../../fixtures/echo-tool-caller';
import { ofType, recordKernel } from '../lib/recording-context';

/** Waits for Stop, sending a piece every few ms until then. */
const endless = {
  kind: 'endless',
  defaultModel: 'forever',
  async chat(request: ChatRequest, hooks: ChatHooks) {
    while (!hooks.signal.aborted) {
      hooks.onText('la ');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return {
      message: { role: 'assistant' as const, content: '' },
      toolCalls: [],
      usage: { promptTokens: 0, completionTokens: 0 },
      ms: 0,
      finishReason: 'interrupted' as const,
      provider: 'endless',
      model: 'forever',
    };
  },
};

llm.registerProvider('echo', () => new EchoToolCaller());
llm.registerProvider('endless', () => endless);

const hello = { messages: [{ role: 'user' as const, content: 'Hello there, whale.' }] };
const text = (data: Record<string, unknown>) => String(data[MIME.text]);

beforeEach(() => {
  applySettings(null);
  llm.use('echo');
});

describe('llm.chat', () => {
  test('stream: true shows the text as it comes, under the provider and model', async () => {
    const { sent } = recordKernel();
    const result = await llm.chat({ ...hello, stream: true });
    flushPendingOutputs();
    expect(result.message.content).toBe('Hello there, whale.');
    const shown = [...ofType(sent, 'display'), ...ofType(sent, 'update-display')].map((m) =>
      text(m.data),
    );
    expect(shown[0]).toMatch(/^echo · echo-tool-caller\n\n\n\n\(generating…\)$/);
    expect(shown.at(-1)).toMatch(
      /^echo · echo-tool-caller\n\nHello there, whale\.\n\n\(19 prompt \+ 19 generated tokens in/,
    );
  });

  test('without stream, nothing is shown: the result is the output', async () => {
    const { sent } = recordKernel();
    await llm.chat(hello);
    flushPendingOutputs();
    expect(sent).toEqual([]);
  });

  test('Stop ends a generation at once with the usual Interrupted, keeping what was shown', async () => {
    const recording = recordKernel();
    llm.use('endless');
    const answer = llm.chat({ ...hello, stream: true });
    setTimeout(() => (recording.stop.pressed = true), 30);
    await expect(answer).rejects.toBeInstanceOf(InterruptedError);
    flushPendingOutputs();
    const last = ofType(recording.sent, 'update-display').at(-1);
    expect(text(last?.data ?? {})).toMatch(/^endless · forever\n\n(la )+\n\n\(stopped\)$/);
  });

  test('after Stop, the next call in the cell does not start', async () => {
    const recording = recordKernel();
    recording.stop.pressed = true;
    await expect(llm.chat(hello)).rejects.toBeInstanceOf(InterruptedError);
  });

  test('a bad request names the field', async () => {
    recordKernel();
    await expect(llm.chat({ messages: [] })).rejects.toThrow(/messages must be a non-empty array/);
    await expect(
      llm.chat({ messages: [{ role: 'robot', content: 'x' }] } as unknown as ChatRequest),
    ).rejects.toThrow(/messages\[0\]\.role must be one of system, user, assistant, tool/);
    await expect(llm.chat({ ...hello, topP: 2 })).rejects.toThrow(/topP must be in \(0, 1\]/);
  });
});

describe('choosing the chat model', () => {
  test("'offline' is the course's own model, registered with 'playgrad'; unknown names are refused", () => {
    recordKernel();
    expect(llm.registeredProviders()).toContain('offline');
    expect(() => llm.use('offline')).not.toThrow();
    expect(llm.current().provider).toBe('offline');
    expect(() => llm.use('nonesuch')).toThrow(/There is no chat provider named 'nonesuch'/);
  });

  test('the settings choose an endpoint; current() tells it but never the key', () => {
    applySettings({ baseURL: 'http://127.0.0.1:8080/v1', model: 'qwen', apiKey: 'sk-secret-1' });
    const current = llm.current();
    expect(current).toEqual({
      provider: 'endpoint',
      baseURL: 'http://127.0.0.1:8080/v1',
      model: 'qwen',
      hasKey: true,
      chosenIn: 'settings',
    });
    expect(JSON.stringify(current)).not.toContain('sk-secret-1');
  });

  test('the last choice wins: code after settings, settings after code', () => {
    applySettings({ baseURL: 'http://127.0.0.1:8080/v1', model: 'qwen' });
    llm.use({ baseURL: 'http://localhost:11434/v1', model: 'llama3.2' });
    expect(llm.current()).toMatchObject({ model: 'llama3.2', chosenIn: 'code', hasKey: false });
    // Clearing the settings does not undo a choice made in code.
    applySettings(null);
    expect(llm.current()).toMatchObject({ model: 'llama3.2' });
    applySettings({ baseURL: 'http://127.0.0.1:8080/v1', model: 'qwen' });
    expect(llm.current()).toMatchObject({ model: 'qwen', chosenIn: 'settings' });
  });

  test('a server that echoes the key back: the message shows it blanked', async () => {
    recordKernel();
    const echoKey: typeof fetch = async (_url, init) => {
      const headers = init?.headers as Record<string, string>;
      const error = { error: { message: `bad header ${headers.authorization}` } };
      return new Response(JSON.stringify(error), { status: 400 });
    };
    llm.use({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'sk-echo-99', fetch: echoKey });
    const answer = llm.chat(hello);
    await expect(answer).rejects.toThrow(/bad header Bearer ••••/);
    await expect(answer).rejects.not.toThrow(/sk-echo-99/);
  });

  test('llm.use checks the endpoint it is given', () => {
    expect(() => llm.use({ baseURL: 'localhost:11434', model: 'x' })).toThrow(
      /baseURL must be an http\(s\) address/,
    );
    expect(() => llm.use({ baseURL: 'http://localhost:11434/v1', model: '' })).toThrow(
      /model must name/,
    );
  });
});
