/**
 * The browser remembers which backend the last measurement chose, so the next visit
 * skips measuring: on a machine without a GPU, starting WebGL on SwiftShader just to
 * learn that it is slow costs about 3 s at every start.
 *
 * Pure functions over a Storage-like object (unit-tested in Node). Anything unexpected —
 * no localStorage, a storage that throws (private mode, sandboxed frames, quota), corrupt
 * JSON, another browser (user agent), an old measurement — reads as "nothing cached", so
 * the kernel simply measures again.
 */
import {
  BACKENDS,
  type Backend,
  type BackendChoice,
  type BackendTrial,
} from '../../protocol/messages';

export const BACKEND_CACHE_KEY = 'playgrad:backend';
export const BACKEND_CACHE_VERSION = 1;
/** Browsers and drivers change; a month-old measurement is taken again. */
export const BACKEND_CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export interface CachedBackend {
  backend: Backend;
  trials: BackendTrial[];
  userAgent: string;
  /** Milliseconds since the epoch (Date.now()) when the kernel measured. */
  measuredAt: number;
  version: typeof BACKEND_CACHE_VERSION;
}

/** The part of `Storage` the cache uses, so tests can pass a Map-backed fake. */
export type BackendCacheStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The valid cached measurement for this browser, or undefined. */
export function readCachedBackend(
  storage: BackendCacheStorage | undefined,
  userAgent: string,
  now: number,
): CachedBackend | undefined {
  let text: string | null;
  try {
    text = storage?.getItem(BACKEND_CACHE_KEY) ?? null;
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isCachedBackend(value) || value.userAgent !== userAgent) return undefined;
  const age = now - value.measuredAt;
  // A date in the future means the clock moved: the entry cannot be trusted either.
  if (age < 0 || age > BACKEND_CACHE_MAX_AGE_MS) return undefined;
  return value;
}

/**
 * Stores a measured choice; returns whether it was stored. Only a measurement whose
 * winner actually started is worth remembering.
 */
export function writeCachedBackend(
  storage: BackendCacheStorage | undefined,
  choice: BackendChoice,
  userAgent: string,
  now: number,
): boolean {
  if (!storage || choice.reason !== 'measured') return false;
  if (!choice.trials.some((trial) => trial.backend === choice.backend && trial.ok)) return false;
  const entry: CachedBackend = {
    backend: choice.backend,
    trials: choice.trials,
    userAgent,
    measuredAt: now,
    version: BACKEND_CACHE_VERSION,
  };
  try {
    storage.setItem(BACKEND_CACHE_KEY, JSON.stringify(entry));
    return true;
  } catch {
    return false; // quota or a storage that refuses writes: measuring next time is fine
  }
}

export function clearCachedBackend(storage: BackendCacheStorage | undefined): void {
  try {
    storage?.removeItem(BACKEND_CACHE_KEY);
  } catch {
    // Nothing to do: a storage that cannot be written cannot hold an entry either.
  }
}

/** `localStorage`, or undefined where merely touching it throws (e.g. sandboxed frames). */
export function browserStorage(): BackendCacheStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function isCachedBackend(value: unknown): value is CachedBackend {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    entry.version === BACKEND_CACHE_VERSION &&
    isBackend(entry.backend) &&
    typeof entry.userAgent === 'string' &&
    typeof entry.measuredAt === 'number' &&
    Number.isFinite(entry.measuredAt) &&
    Array.isArray(entry.trials) &&
    entry.trials.every(isTrial)
  );
}

function isTrial(value: unknown): value is BackendTrial {
  if (typeof value !== 'object' || value === null) return false;
  const trial = value as Record<string, unknown>;
  return (
    isBackend(trial.backend) &&
    typeof trial.ok === 'boolean' &&
    (trial.gflops === undefined || typeof trial.gflops === 'number') &&
    (trial.error === undefined || typeof trial.error === 'string')
  );
}

function isBackend(value: unknown): value is Backend {
  return BACKENDS.some((backend) => backend === value);
}
