/**
 * The provider for any OpenAI-compatible endpoint: a hosted API, or a local Ollama, LM Studio,
 * llama.cpp or vLLM server. POST {baseURL}/chat/completions, streamed; rate limits retried
 * with backoff (retry.ts); every failure an `EndpointError` that says what to do
 * (endpoint-errors.ts). The key goes in the Authorization header and nowhere else.
 */
import { EndpointError, corsRefused, fromStatus, timedOut, unreachable } from './endpoint-errors';
import { openAIBody } from './openai-request';
import { readChatResponse, type ReadAnswer } from './openai-response';
import {
  DEFAULT_RETRY,
  isRetryable,
  parseRetryAfter,
  retryDelay,
  waitUnlessAborted,
  type RetryPolicy,
} from './retry';
import type { ChatHooks, ChatProvider, ChatRequest, ChatResult } from './types';

/** How long the server may stay silent (before its answer starts, or between pieces). */
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface EndpointConfig {
  /** The API's root, e.g. http://localhost:11434/v1 (Ollama) or https://api.openai.com/v1. */
  baseURL: string;
  apiKey?: string;
  /** The model requests use when they name none. */
  model: string;
  /** Give up when the server sends nothing for this long (default 120 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** The fetch to use (tests pass their own). */
  fetch?: typeof fetch;
}

export class OpenAICompatibleProvider implements ChatProvider {
  readonly kind = 'endpoint';
  readonly defaultModel: string;
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;

  constructor(private readonly config: EndpointConfig) {
    this.defaultModel = config.model;
    this.url = `${config.baseURL.replace(/\/+$/, '')}/chat/completions`;
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = { ...DEFAULT_RETRY, ...config.retry };
  }

  async chat(request: ChatRequest, hooks: ChatHooks): Promise<ChatResult> {
    const started = performance.now();
    const model = request.model ?? this.defaultModel;
    const result = (answer: ReadAnswer): ChatResult => ({
      message: {
        role: 'assistant',
        content: answer.text,
        ...(answer.toolCalls.length > 0 && { toolCalls: answer.toolCalls }),
      },
      toolCalls: answer.toolCalls,
      usage: answer.usage ?? estimatedUsage(request, answer),
      ms: Math.round(performance.now() - started),
      finishReason: answer.finishReason,
      provider: this.kind,
      model,
    });
    const interrupted = (): ChatResult =>
      result({ text: '', toolCalls: [], finishReason: 'interrupted', pieces: 0 });

    const body = JSON.stringify(openAIBody(request, model));
    for (let retry = 0; ; retry += 1) {
      if (hooks.signal.aborted) return interrupted();
      const attempt = await this.attempt(body, hooks);
      if (attempt === 'interrupted') return interrupted();
      if ('answer' in attempt) return result(attempt.answer);
      const { status, retryAfterMs, text } = attempt;
      const wait = isRetryable(status) ? retryDelay(retry, retryAfterMs, this.retry) : undefined;
      if (wait === undefined) {
        throw fromStatus(status, text, { url: this.url, model, retryAfterMs, attempts: retry + 1 });
      }
      if (!(await waitUnlessAborted(wait, hooks.signal))) return interrupted();
    }
  }

  /** One request: the answer, the learner's Stop, or a failed status to judge. */
  private async attempt(
    body: string,
    hooks: ChatHooks,
  ): Promise<
    { answer: ReadAnswer } | 'interrupted' | { status: number; retryAfterMs?: number; text: string }
  > {
    const controller = new AbortController();
    const stop = () => controller.abort();
    hooks.signal.addEventListener('abort', stop);
    let silentTooLong = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restartTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        silentTooLong = true;
        controller.abort();
      }, this.timeoutMs);
    };
    const fetchFn = this.config.fetch ?? fetch;
    try {
      restartTimer();
      let response: Response;
      try {
        response = await fetchFn(this.url, {
          method: 'POST',
          headers: this.headers(),
          body,
          signal: controller.signal,
        });
      } catch (error) {
        if (hooks.signal.aborted) return 'interrupted';
        if (silentTooLong) throw timedOut(this.url, this.timeoutMs);
        throw await this.networkFailure(error, fetchFn);
      }
      restartTimer();
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        return {
          status: response.status,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
          text,
        };
      }
      try {
        return {
          answer: await readChatResponse(response, {
            onText: hooks.onText,
            onActivity: restartTimer,
            stop: hooks.signal,
          }),
        };
      } catch (error) {
        if (hooks.signal.aborted) return 'interrupted';
        if (silentTooLong) throw timedOut(this.url, this.timeoutMs);
        // A dropped connection reads as a TypeError; anything else (a bad tool call) is ours.
        if (!(error instanceof TypeError)) throw error;
        throw new EndpointError(
          'unreachable',
          `The connection to ${new URL(this.url).origin} broke while it answered: ${String(error)}`,
        );
      }
    } finally {
      clearTimeout(timer);
      hooks.signal.removeEventListener('abort', stop);
    }
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'text/event-stream, application/json',
    };
    if (this.config.apiKey) headers.authorization = `Bearer ${this.config.apiKey}`;
    return headers;
  }

  /**
   * A browser says only "Failed to fetch" both when nothing listens and when CORS refused
   * the answer. A `no-cors` request tells them apart: it resolves (with an opaque answer)
   * whenever the server answered at all.
   */
  private async networkFailure(error: unknown, fetchFn: typeof fetch): Promise<EndpointError> {
    if (!(error instanceof TypeError)) return unreachable(this.url);
    try {
      await fetchFn(this.url, {
        method: 'GET',
        mode: 'no-cors',
        signal: AbortSignal.timeout(5000),
      });
      return corsRefused(this.url);
    } catch {
      return unreachable(this.url);
    }
  }
}

/**
 * When the server reports no usage: one token per streamed piece (what llama.cpp, Ollama and
 * vLLM send), and the prompt at about four characters a token.
 */
function estimatedUsage(request: ChatRequest, answer: ReadAnswer) {
  const characters = request.messages.reduce((sum, m) => sum + m.content.length, 0);
  return { promptTokens: Math.ceil(characters / 4), completionTokens: answer.pieces };
}
