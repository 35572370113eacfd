import { describe, expect, test } from 'vitest';
import type { BackendChoice } from '../../../src/protocol/messages';
import { BACKEND_CACHE_KEY, type CachedBackend } from '../../../src/ui/session/backend-cache';
import {
  backendMemory,
  choiceFromCache,
  planBackendStart,
  settleBackendChoice,
} from '../../../src/ui/session/backend-memory';
import { MemoryStorage } from './memory-storage';

const UA = 'test-agent';
const cached: CachedBackend = {
  backend: 'webgl',
  trials: [
    { backend: 'webgpu', ok: false, error: 'no adapter' },
    { backend: 'webgl', ok: true, gflops: 50 },
  ],
  userAgent: UA,
  measuredAt: 1000,
  version: 1,
};
const fresh: BackendChoice = {
  backend: 'webgl',
  reason: 'requested',
  threads: false,
  trials: [{ backend: 'webgl', ok: true, gflops: 61 }],
};

describe('planBackendStart', () => {
  test('asks for the cached backend only when the request is auto', () => {
    const storage = new MemoryStorage();
    storage.setItem(BACKEND_CACHE_KEY, JSON.stringify(cached));
    const memory = backendMemory(storage, UA, () => 2000);
    expect(planBackendStart('auto', memory)).toEqual({ request: 'webgl', cached });
    expect(planBackendStart('wasm', memory)).toEqual({ request: 'wasm', cached: undefined });
    expect(planBackendStart('auto', undefined)).toEqual({ request: 'auto', cached: undefined });
  });
});

describe('choiceFromCache', () => {
  test('keeps the cached trials and puts the fresh trial in place of the old one', () => {
    expect(choiceFromCache(cached, fresh)).toEqual({
      backend: 'webgl',
      reason: 'cached',
      threads: false,
      trials: [
        { backend: 'webgpu', ok: false, error: 'no adapter' },
        { backend: 'webgl', ok: true, gflops: 61 },
      ],
    });
  });

  test('appends the fresh trial when the cached measurement lacked it', () => {
    const withoutWebgl = { ...cached, trials: cached.trials.slice(0, 1) };
    expect(choiceFromCache(withoutWebgl, fresh).trials).toEqual([
      { backend: 'webgpu', ok: false, error: 'no adapter' },
      { backend: 'webgl', ok: true, gflops: 61 },
    ]);
  });
});

describe('settleBackendChoice', () => {
  test('a measured choice that cannot be stored clears the old entry', () => {
    const storage = new MemoryStorage();
    storage.setItem(BACKEND_CACHE_KEY, JSON.stringify(cached));
    const memory = backendMemory(storage, UA, () => 2000);
    const failed: BackendChoice = {
      backend: 'cpu',
      reason: 'measured',
      threads: false,
      trials: [{ backend: 'cpu', ok: false, error: 'tfjs failed' }],
    };
    const shown = settleBackendChoice(failed, { request: 'webgl', cached }, memory);
    expect(shown).toEqual({ choice: failed, measuredAt: undefined });
    expect(storage.items.has(BACKEND_CACHE_KEY)).toBe(false);
  });

  test('a requested answer without a cache behind it is shown as requested', () => {
    const storage = new MemoryStorage();
    const memory = backendMemory(storage, UA, () => 2000);
    const shown = settleBackendChoice(fresh, { request: 'webgl', cached: undefined }, memory);
    expect(shown).toEqual({ choice: fresh, measuredAt: undefined });
    expect(storage.items.size).toBe(0);
  });
});
