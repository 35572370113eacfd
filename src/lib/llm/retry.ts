/**
 * Retrying a rate-limited request (HTTP 429, or 503 while a server is busy): wait, then try
 * again, waiting twice as long each time (1 s, 2 s, 4 s) unless the server's `Retry-After`
 * says how long. Bounded twice: at most `maxRetries` retries, and never a wait longer than
 * `maxDelayMs` — a server that asks for more gets an error at once that says so, rather than
 * a cell that sits silent for minutes. Every wait ends early when the learner presses Stop.
 */

export interface RetryPolicy {
  /** Retries after the first try (0: fail at the first 429). */
  maxRetries: number;
  /** The first wait when the server says nothing; doubled each retry. */
  baseDelayMs: number;
  /** The longest single wait. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 20_000 };

/** Statuses worth another try: rate limited, or the server is overloaded for now. */
export function isRetryable(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * `Retry-After` in milliseconds: a number of seconds, or an HTTP date. Undefined when
 * absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retry` (0 for the first), or undefined when the
 * policy says to give up: too many retries, or the server asks for a longer wait than allowed.
 */
export function retryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
): number | undefined {
  if (retry >= policy.maxRetries) return undefined;
  if (retryAfterMs !== undefined) {
    return retryAfterMs <= policy.maxDelayMs ? retryAfterMs : undefined;
  }
  return Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
}

/** Waits `ms`; resolves false at once (and clears its timer) when `signal` aborts. */
export function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort);
  });
}
