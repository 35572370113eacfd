/**
 * Backoff on 429: the provider's real retry loop, over a fetch that answers with canned
 * statuses, on fake timers (no test waits for real seconds).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { OpenAICompatibleProvider } from '../../../src/lib/llm/openai-compatible';
import { parseRetryAfter, retryDelay, DEFAULT_RETRY } from '../../../src/lib/llm/retry';

const OK_STREAM =
  'data: {"choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}\n\n' +
  'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n' +
  'data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1}}\n\n' +
  'data: [DONE]\n\n';

function rateLimited(retryAfter?: string): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
  return new Response('{"error":{"message":"Rate limit reached"}}', { status: 429, headers });
}

/** A fetch answering each call with the next response, recording when it was called. */
function scriptedFetch(responses: (() => Response)[]) {
  const calledAt: number[] = [];
  const fetchFn = vi.fn(async () => {
    calledAt.push(Date.now());
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    return next();
  });
  return { fetchFn: fetchFn as unknown as typeof fetch, calledAt };
}

const ok = () =>
  new Response(OK_STREAM, { status: 200, headers: { 'content-type': 'text/event-stream' } });

function provider(fetchFn: typeof fetch, maxRetries = 3) {
  return new OpenAICompatibleProvider({
    baseURL: 'http://127.0.0.1:9/v1',
    model: 'm',
    fetch: fetchFn,
    retry: { maxRetries },
  });
}

const request = { messages: [{ role: 'user' as const, content: 'hello' }] };

describe('rate limits: retry with backoff', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('waits 1 s, 2 s, then 4 s between tries when the server gives no Retry-After', async () => {
    const { fetchFn, calledAt } = scriptedFetch([
      () => rateLimited(),
      () => rateLimited(),
      () => rateLimited(),
      ok,
    ]);
    const stop = new AbortController();
    const answer = provider(fetchFn).chat(request, { onText: () => {}, signal: stop.signal });
    await vi.runAllTimersAsync();
    const result = await answer;
    expect(result.message.content).toBe('hi');
    expect(calledAt.slice(1).map((t, i) => t - calledAt[i])).toEqual([1000, 2000, 4000]);
  });

  test("honours the server's Retry-After (seconds)", async () => {
    const { fetchFn, calledAt } = scriptedFetch([() => rateLimited('3'), ok]);
    const answer = provider(fetchFn).chat(request, {
      onText: () => {},
      signal: new AbortController().signal,
    });
    await vi.runAllTimersAsync();
    await answer;
    expect(calledAt[1] - calledAt[0]).toBe(3000);
  });

  test('gives up after maxRetries with a message that says so', async () => {
    const { fetchFn } = scriptedFetch([() => rateLimited('1'), () => rateLimited('1')]);
    const answer = provider(fetchFn, 1).chat(request, {
      onText: () => {},
      signal: new AbortController().signal,
    });
    const settled = expect(answer).rejects.toThrow(
      /HTTP 429\) after 2 tries\. It asks to wait 1.0 s/,
    );
    await vi.runAllTimersAsync();
    await settled;
  });

  test('a Retry-After longer than the longest wait fails at once, naming the wait', async () => {
    const { fetchFn } = scriptedFetch([() => rateLimited('3600')]);
    const answer = provider(fetchFn).chat(request, {
      onText: () => {},
      signal: new AbortController().signal,
    });
    await expect(answer).rejects.toThrow(/It asks to wait 3600 s/);
  });

  test('Stop during a wait ends it at once: the result is interrupted, no more tries', async () => {
    const { fetchFn } = scriptedFetch([() => rateLimited('10'), ok]);
    const stop = new AbortController();
    const answer = provider(fetchFn).chat(request, { onText: () => {}, signal: stop.signal });
    await vi.advanceTimersByTimeAsync(500);
    stop.abort();
    const result = await answer;
    expect(result.finishReason).toBe('interrupted');
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('Retry-After and the delay rule', () => {
  test('seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(parseRetryAfter('Thu, 03 Dec 2026 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  test('doubling is capped at the longest wait', () => {
    const policy = { ...DEFAULT_RETRY, maxRetries: 10 };
    expect(retryDelay(6, undefined, policy)).toBe(policy.maxDelayMs);
    expect(retryDelay(10, undefined, policy)).toBeUndefined();
  });
});
