/**
 * The OpenAI-compatible provider against a real HTTP server on loopback (src/cli/chat-server)
 * backed by real models: the course's tiny LM (streamed text, usage) and a tool-calling test
 * double (tool-call deltas). Failures come from the server's switchable modes.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startChatServer, type ChatServer } from '../../../src/cli/chat-server/server';
import {
  loadTinyLMChat,
  TINY_LM_MODEL,
  type TinyLMChat,
} from '../../../src/cli/chat-server/tiny-lm-chat';
import { EndpointError } from '../../../src/lib/llm/endpoint-errors';
import { OpenAICompatibleProvider } from '../../../src/lib/llm/openai-compatible';
import { ToolArgumentsError } from '../../../src/lib/llm/tool-calls';
import type { ChatRequest } from '../../../src/lib/llm/types';
import { EchoToolCaller } from '../../fixtures/echo-tool-caller';

const MODEL_DIR = path.resolve(__dirname, '../../../public/models/tiny-lm');
const ask = (content: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [{ role: 'user', content }],
  ...extra,
});
const hooks = (pieces: string[] = [], signal = new AbortController().signal) => ({
  onText: (piece: string) => pieces.push(piece),
  signal,
});

let tiny: TinyLMChat;
let lmServer: ChatServer;
let toolServer: ChatServer;

beforeAll(async () => {
  tiny = await loadTinyLMChat(MODEL_DIR);
  lmServer = await startChatServer({ provider: tiny });
  toolServer = await startChatServer({ provider: new EchoToolCaller() });
});
afterAll(async () => {
  await lmServer.close();
  await toolServer.close();
  tiny.dispose();
});

const endpoint = (server: ChatServer, extra = {}) =>
  new OpenAICompatibleProvider({
    baseURL: server.baseURL,
    model: server === lmServer ? TINY_LM_MODEL : 'echo-tool-caller',
    ...extra,
  });

describe('an OpenAI-compatible endpoint', () => {
  test('streams the tiny LM piece by piece, with the usage the server counted', async () => {
    const pieces: string[] = [];
    const result = await endpoint(lmServer).chat(
      ask('Call me Ishmael.', { maxTokens: 30, seed: 7, temperature: 0.8 }),
      hooks(pieces),
    );
    expect(pieces).toHaveLength(30);
    expect(pieces.join('')).toBe(result.message.content);
    expect(result.usage).toEqual({ promptTokens: 16, completionTokens: 30 });
    expect(result.finishReason).toBe('length');
    expect(result).toMatchObject({ provider: 'endpoint', model: TINY_LM_MODEL });
    // Same seed, same text: the server really ran the model with the request's settings.
    const again = await endpoint(lmServer).chat(
      ask('Call me Ishmael.', { maxTokens: 30, seed: 7, temperature: 0.8 }),
      hooks(),
    );
    expect(again.message.content).toBe(result.message.content);
  });

  test('sends the request in OpenAI form: stream_options, response_format, tools', async () => {
    await endpoint(toolServer).chat(
      ask('{"city":"Paris"}', {
        temperature: 0,
        topP: 0.9,
        maxTokens: 5,
        seed: 1,
        responseFormat: { type: 'json_schema', name: 'w', schema: { type: 'object' } },
        tools: [{ name: 'weather', description: 'Weather', parameters: { type: 'object' } }],
      }),
      hooks(),
    );
    const body = toolServer.requests.at(-1)?.body;
    expect(body).toMatchObject({
      model: 'echo-tool-caller',
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0,
      top_p: 0.9,
      max_tokens: 5,
      seed: 1,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'w', schema: { type: 'object' } },
      },
      tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' } } }],
    });
  });

  test('puts tool calls together from streamed deltas and parses their arguments', async () => {
    const result = await endpoint(toolServer).chat(
      ask('{"city":"Paris","days":3,"units":{"temp":"C"}}', {
        tools: [{ name: 'weather', description: 'Weather', parameters: { type: 'object' } }],
      }),
      hooks(),
    );
    expect(result.toolCalls).toEqual([
      {
        id: 'call_1',
        name: 'weather',
        arguments: { city: 'Paris', days: 3, units: { temp: 'C' } },
      },
    ]);
    expect(result.finishReason).toBe('tool_calls');
    expect(result.message.toolCalls).toEqual(result.toolCalls);
  });

  test('tool-call arguments that are not JSON: an error naming the tool', async () => {
    toolServer.mode = { ...toolServer.mode, corruptToolArguments: true };
    try {
      const answer = endpoint(toolServer).chat(
        ask('{"city":"Paris"}', {
          tools: [{ name: 'weather', description: 'Weather', parameters: { type: 'object' } }],
        }),
        hooks(),
      );
      await expect(answer).rejects.toThrow(ToolArgumentsError);
      await expect(answer).rejects.toThrow(/tool 'weather'/);
    } finally {
      toolServer.mode = { ...toolServer.mode, corruptToolArguments: false };
    }
  });

  test('Stop mid-stream: the text so far, finish reason interrupted, the server stops', async () => {
    const stop = new AbortController();
    const pieces: string[] = [];
    const result = await endpoint(lmServer).chat(ask('The whale', { maxTokens: 5000 }), {
      signal: stop.signal,
      onText: (piece) => {
        pieces.push(piece);
        if (pieces.length === 5) stop.abort();
      },
    });
    expect(result.finishReason).toBe('interrupted');
    expect(result.message.content).toBe(pieces.slice(0, 5).join(''));
  });

  test('the API key goes in the Authorization header; a wrong one is a 401 message', async () => {
    lmServer.mode = { ...lmServer.mode, apiKey: 'sk-right' };
    try {
      await endpoint(lmServer, { apiKey: 'sk-right' }).chat(ask('Hi', { maxTokens: 2 }), hooks());
      expect(lmServer.requests.at(-1)?.authorization).toBe('Bearer sk-right');
      const refused = endpoint(lmServer, { apiKey: 'sk-wrong' }).chat(ask('Hi'), hooks());
      await expect(refused).rejects.toMatchObject({ kind: 'key-refused', status: 401 });
      await expect(refused).rejects.not.toThrow(/sk-wrong/);
    } finally {
      lmServer.mode = { ...lmServer.mode, apiKey: undefined };
    }
  });

  test('an unknown model is a 404 that names it', async () => {
    const answer = endpoint(lmServer).chat(ask('Hi', { model: 'gpt-99' }), hooks());
    await expect(answer).rejects.toMatchObject({ kind: 'model-not-found' });
    await expect(answer).rejects.toThrow(/no model 'gpt-99'/);
  });

  test('a conversation over the context: both token counts', async () => {
    lmServer.mode = { ...lmServer.mode, contextTokens: 10 };
    try {
      const answer = endpoint(lmServer).chat(ask('Call me Ishmael.'), hooks());
      await expect(answer).rejects.toMatchObject({ kind: 'context-too-long' });
      await expect(answer).rejects.toThrow(/16 tokens, and the model takes at most 10/);
    } finally {
      lmServer.mode = { ...lmServer.mode, contextTokens: undefined };
    }
  });

  test('429 then success: the retry is invisible but for the time', async () => {
    lmServer.mode = { ...lmServer.mode, rateLimit: { times: 2, retryAfterSeconds: 0 } };
    const before = lmServer.requests.length;
    const result = await endpoint(lmServer).chat(ask('Hi', { maxTokens: 3 }), hooks());
    expect(result.usage.completionTokens).toBe(3);
    expect(lmServer.requests.slice(before).map((r) => r.path)).toEqual([
      '/v1/chat/completions',
      '/v1/chat/completions',
      '/v1/chat/completions',
    ]);
  });

  test('a server that never answers times out with a message', async () => {
    lmServer.mode = { ...lmServer.mode, hang: true };
    try {
      const answer = endpoint(lmServer, { timeoutMs: 300 }).chat(ask('Hi'), hooks());
      await expect(answer).rejects.toMatchObject({ kind: 'timeout' });
      await expect(answer).rejects.toThrow(/sent nothing for 0.3 s/);
    } finally {
      lmServer.mode = { ...lmServer.mode, hang: false };
    }
  });

  test('Stop before the server answers at all: interrupted at once, not a timeout', async () => {
    lmServer.mode = { ...lmServer.mode, hang: true };
    try {
      const stop = new AbortController();
      const answer = endpoint(lmServer, { timeoutMs: 60_000 }).chat(
        ask('Hi'),
        hooks([], stop.signal),
      );
      setTimeout(() => stop.abort(), 100);
      const result = await answer;
      expect(result.finishReason).toBe('interrupted');
      expect(result.message.content).toBe('');
    } finally {
      lmServer.mode = { ...lmServer.mode, hang: false };
    }
  });

  test('nothing listening: unreachable', async () => {
    const closed = await startChatServer({ provider: new EchoToolCaller() });
    await closed.close();
    const answer = new OpenAICompatibleProvider({ baseURL: closed.baseURL, model: 'x' }).chat(
      ask('Hi'),
      hooks(),
    );
    await expect(answer).rejects.toBeInstanceOf(EndpointError);
    await expect(answer).rejects.toMatchObject({ kind: 'unreachable' });
  });
});
