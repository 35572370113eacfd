/**
 * What went wrong talking to an OpenAI-compatible endpoint, said so a learner can act on it.
 * Each failure has a `kind` (tests and lessons branch on it) and a message that names the
 * server, what happened and what to do. No message ever contains the API key.
 */

export type EndpointErrorKind =
  | 'unreachable'
  | 'cors'
  | 'key-refused'
  | 'rate-limited'
  | 'model-not-found'
  | 'context-too-long'
  | 'timeout'
  | 'bad-request'
  | 'server-error'
  | 'bad-response';

export class EndpointError extends Error {
  constructor(
    readonly kind: EndpointErrorKind,
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'EndpointError';
  }
}

/**
 * How to let the kernel's origin through on the servers learners run. The kernel runs in a
 * sandboxed frame, so its requests carry `Origin: null`: a server must allow '*' (or 'null').
 */
export const CORS_FIXES = [
  "Ollama: start it with OLLAMA_ORIGINS='*' (e.g. OLLAMA_ORIGINS='*' ollama serve)",
  'LM Studio: Developer → Server Settings → turn on "Enable CORS"',
  "llama.cpp (llama-server): --cors-origins '*' (older versions allow every origin already)",
  'vLLM: --allowed-origins \'["*"]\' (its default), and --allowed-headers \'["*"]\'',
];

export function corsRefused(url: string): EndpointError {
  return new EndpointError(
    'cors',
    `The server at ${new URL(url).origin} answered, but its CORS headers do not let this page ` +
      "call it (the notebook's kernel runs in a sandbox, so its requests come from origin 'null'). " +
      `Allow every origin on the server:\n  - ${CORS_FIXES.join('\n  - ')}`,
  );
}

export function unreachable(url: string): EndpointError {
  return new EndpointError(
    'unreachable',
    `Could not reach ${new URL(url).origin}: nothing answered. Is the server running, and is ` +
      `the address right (${url})?`,
  );
}

export function timedOut(url: string, ms: number): EndpointError {
  return new EndpointError(
    'timeout',
    `${new URL(url).origin} sent nothing for ${formatSeconds(ms)}, so the request was given up. ` +
      'A local server may still be loading the model: try again, or allow longer with ' +
      'llm.use({ …, timeoutMs }).',
  );
}

/** The error an HTTP status (and the body the server sent with it) stands for. */
export function fromStatus(
  status: number,
  body: string,
  where: { url: string; model: string; retryAfterMs?: number; attempts?: number },
): EndpointError {
  const detail = serverMessage(body);
  const said = detail ? ` The server said: ${detail}` : '';
  if (status === 401 || status === 403) {
    return new EndpointError(
      'key-refused',
      `The server refused the API key (HTTP ${status}). Check the key in the kernel menu's ` +
        `chat model settings, or pass apiKey to llm.use.${said}`,
      status,
    );
  }
  if (status === 429) {
    const tries = where.attempts ? ` after ${where.attempts} tries` : '';
    const wait =
      where.retryAfterMs !== undefined
        ? ` It asks to wait ${formatSeconds(where.retryAfterMs)}.`
        : '';
    return new EndpointError(
      'rate-limited',
      `The server is rate-limiting these requests (HTTP 429)${tries}.${wait} Wait a little, ` +
        `or send fewer requests per minute.${said}`,
      status,
    );
  }
  const tooLong = contextTooLong(status, body, detail);
  if (tooLong) return tooLong;
  if (status === 404) {
    return new EndpointError(
      'model-not-found',
      `The server has no model '${where.model}' (HTTP 404 from ${where.url}). Check the model ` +
        `name (GET ${where.url.replace(/chat\/completions$/, 'models')} lists them), and that ` +
        `the address ends with the API's root, such as /v1.${said}`,
      status,
    );
  }
  if (status >= 500) {
    return new EndpointError('server-error', `The server failed (HTTP ${status}).${said}`, status);
  }
  return new EndpointError(
    'bad-request',
    `The server rejected the request (HTTP ${status}).${said}`,
    status,
  );
}

/**
 * OpenAI says `context_length_exceeded` ("maximum context length is 4096 tokens. However,
 * your messages resulted in 5000 tokens"); vLLM says the same words; llama.cpp sends
 * `exceed_context_size_error` with `n_prompt_tokens` and `n_ctx`; some servers say 404 or 413.
 */
function contextTooLong(status: number, body: string, detail: string): EndpointError | undefined {
  const error = errorObject(body);
  const code = `${String(error?.code ?? '')} ${String(error?.type ?? '')}`;
  const looksLike =
    /context_length_exceeded|exceed_context_size/.test(code) ||
    /context length|context size|context window|too many tokens/i.test(detail);
  if (!looksLike) return undefined;
  const limit =
    numberField(error, 'n_ctx') ?? firstNumber(detail, /maximum context length is (\d+)/i);
  const asked =
    numberField(error, 'n_prompt_tokens') ??
    firstNumber(detail, /(?:resulted in|requested|you have) (\d+) tokens/i);
  const counts =
    asked !== undefined && limit !== undefined
      ? `: ${asked} tokens, and the model takes at most ${limit}`
      : limit !== undefined
        ? `: the model takes at most ${limit} tokens`
        : '';
  return new EndpointError(
    'context-too-long',
    `The conversation is too long for the model's context window${counts}. Drop or shorten ` +
      `older messages, or ask for fewer new tokens (maxTokens).${detail ? ` The server said: ${detail}` : ''}`,
    status,
  );
}

function errorObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const error = (parsed as { error?: unknown }).error;
    if (typeof error === 'object' && error !== null) return error as Record<string, unknown>;
    return parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The server's own words: `error.message` of an OpenAI-style body, else the text itself. */
export function serverMessage(body: string): string {
  const error = errorObject(body);
  const message = error?.message ?? (typeof error?.error === 'string' ? error.error : undefined);
  const text = typeof message === 'string' ? message : body.trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function numberField(error: Record<string, unknown> | undefined, key: string): number | undefined {
  const value = error?.[key];
  return typeof value === 'number' ? value : undefined;
}

function firstNumber(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : undefined;
}

export function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
