/**
 * How a session uses the remembered backend (backend-cache.ts): which backend to ask the
 * kernel for, and what to show and store once it answers.
 *
 * With 'auto' and a valid cached measurement, the kernel is asked for the cached backend
 * by name, so it starts without measuring the others. The kernel answers 'requested'; the
 * session shows 'cached' with the cached trials, the fresh one replacing its own. If the
 * cached backend no longer starts, the kernel measures everything and that measurement
 * replaces the cache.
 */
import type { Backend, BackendChoice, BackendTrial } from '../../protocol/messages';
import {
  browserStorage,
  clearCachedBackend,
  readCachedBackend,
  writeCachedBackend,
  type BackendCacheStorage,
  type CachedBackend,
} from './backend-cache';

/** The cache bound to one storage, browser and clock. */
export interface BackendMemory {
  recall(): CachedBackend | undefined;
  /** Stores a measured choice (replacing the entry); forgets the entry when it cannot. */
  remember(choice: BackendChoice): void;
  forget(): void;
}

export function backendMemory(
  storage: BackendCacheStorage | undefined,
  userAgent: string,
  now: () => number = Date.now,
): BackendMemory {
  return {
    recall: () => readCachedBackend(storage, userAgent, now()),
    remember: (choice) => {
      // An entry that is not replaced by this measurement (its winner failed, or the
      // write was refused) is stale: the cached backend may be the one that just failed.
      if (!writeCachedBackend(storage, choice, userAgent, now())) clearCachedBackend(storage);
    },
    forget: () => clearCachedBackend(storage),
  };
}

/**
 * The memory of this browser: localStorage and navigator.userAgent. A cross-origin
 * isolated page runs WASM on several threads, so its measurement is kept apart: the
 * same browser on a host without the headers measures again.
 */
export function browserBackendMemory(): BackendMemory {
  const userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const isolated = typeof self !== 'undefined' && self.crossOriginIsolated === true;
  return backendMemory(browserStorage(), isolated ? `${userAgent} (isolated)` : userAgent);
}

/** How one kernel starts: the backend to ask for, and the cached measurement behind it. */
export interface BackendStart {
  request: Backend | 'auto';
  cached: CachedBackend | undefined;
}

export function planBackendStart(
  requested: Backend | 'auto',
  memory: BackendMemory | undefined,
): BackendStart {
  // A backend named in the URL or settings wins over the cache.
  const cached = requested === 'auto' ? memory?.recall() : undefined;
  return { request: cached?.backend ?? requested, cached };
}

/** What the session shows; `measuredAt` is set when the choice comes from the cache. */
export interface ShownBackend {
  choice: BackendChoice;
  measuredAt: number | undefined;
}

/** Turns the kernel's answer into what the session shows, storing a fresh measurement. */
export function settleBackendChoice(
  choice: BackendChoice,
  start: BackendStart,
  memory: BackendMemory | undefined,
): ShownBackend {
  const { cached } = start;
  if (cached && choice.reason === 'requested' && choice.backend === cached.backend) {
    return { choice: choiceFromCache(cached, choice), measuredAt: cached.measuredAt };
  }
  if (choice.reason === 'measured') memory?.remember(choice);
  return { choice, measuredAt: undefined };
}

/** The cached trials, with the kernel's fresh trial of the chosen backend in its place. */
export function choiceFromCache(cached: CachedBackend, fresh: BackendChoice): BackendChoice {
  const freshTrial = fresh.trials.find((trial) => trial.backend === fresh.backend);
  const trials: BackendTrial[] = cached.trials.map((trial) =>
    trial.backend === fresh.backend && freshTrial ? freshTrial : trial,
  );
  if (freshTrial && !trials.includes(freshTrial)) trials.push(freshTrial);
  return { ...fresh, reason: 'cached', trials };
}
