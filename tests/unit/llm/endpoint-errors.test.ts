import { describe, expect, test } from 'vitest';
import {
  corsRefused,
  fromStatus,
  timedOut,
  unreachable,
} from '../../../src/lib/llm/endpoint-errors';

const where = { url: 'http://127.0.0.1:1234/v1/chat/completions', model: 'qwen2.5:0.5b' };

describe('endpoint errors', () => {
  test('401 and 403 say the key was refused, with the server words', () => {
    const error = fromStatus(401, '{"error":{"message":"Incorrect API key provided."}}', where);
    expect(error.kind).toBe('key-refused');
    expect(error.message).toMatch(/refused the API key \(HTTP 401\).*Incorrect API key provided\./);
    expect(fromStatus(403, '', where).kind).toBe('key-refused');
  });

  test('429 says how many tries and the wait the server asked for', () => {
    const error = fromStatus(429, '', { ...where, retryAfterMs: 60_000, attempts: 1 });
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(/HTTP 429\) after 1 tries\. It asks to wait 60 s\./);
  });

  test('404 names the model and where the list of models is', () => {
    const error = fromStatus(404, '{"error":{"message":"model \\"x\\" not found"}}', where);
    expect(error.kind).toBe('model-not-found');
    expect(error.message).toContain("no model 'qwen2.5:0.5b'");
    expect(error.message).toContain('GET http://127.0.0.1:1234/v1/models');
  });

  test("context too long, OpenAI's and vLLM's words: both token counts", () => {
    const body = JSON.stringify({
      error: {
        message:
          "This model's maximum context length is 4096 tokens. However, your messages resulted in 5012 tokens.",
        code: 'context_length_exceeded',
      },
    });
    const error = fromStatus(400, body, where);
    expect(error.kind).toBe('context-too-long');
    expect(error.message).toMatch(/5012 tokens, and the model takes at most 4096/);
  });

  test("context too long, llama.cpp's fields", () => {
    const body = JSON.stringify({
      error: {
        code: 400,
        message: 'the request exceeds the available context size, try increasing it',
        type: 'exceed_context_size_error',
        n_prompt_tokens: 9000,
        n_ctx: 8192,
      },
    });
    expect(fromStatus(400, body, where).message).toMatch(
      /9000 tokens, and the model takes at most 8192/,
    );
  });

  test('other statuses keep the server words; a 5xx is a server error', () => {
    expect(fromStatus(422, 'bad temperature', where).message).toMatch(/HTTP 422.*bad temperature/);
    expect(fromStatus(500, 'boom', where).kind).toBe('server-error');
  });

  test('CORS names the fix for each server and the null origin', () => {
    const message = corsRefused(where.url).message;
    for (const fix of ['OLLAMA_ORIGINS', 'Enable CORS', '--cors-origins', '--allowed-origins']) {
      expect(message).toContain(fix);
    }
    expect(message).toContain("origin 'null'");
  });

  test('unreachable and timeout name the server', () => {
    expect(unreachable(where.url).message).toMatch(/Could not reach http:\/\/127.0.0.1:1234/);
    expect(timedOut(where.url, 1500).message).toMatch(/sent nothing for 1.5 s/);
  });
});
