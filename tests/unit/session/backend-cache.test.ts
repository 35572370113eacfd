import { describe, expect, test } from 'vitest';
import type { BackendChoice } from '../../../src/protocol/messages';
import {
  BACKEND_CACHE_KEY,
  BACKEND_CACHE_MAX_AGE_MS,
  clearCachedBackend,
  readCachedBackend,
  writeCachedBackend,
} from '../../../src/ui/session/backend-cache';
import { MemoryStorage } from './memory-storage';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0';
const NOW = Date.UTC(2026, 2, 3, 12, 0, 0);

const measured: BackendChoice = {
  backend: 'wasm',
  reason: 'measured',
  threads: false,
  trials: [
    { backend: 'webgpu', ok: false, error: 'no adapter' },
    { backend: 'webgl', ok: true, gflops: 4.25 },
    { backend: 'wasm', ok: true, gflops: 39.4 },
    { backend: 'cpu', ok: false, error: 'not measured: wasm is faster (39.4 GFLOP/s)' },
  ],
};

function storedWith(entry: unknown): MemoryStorage {
  const storage = new MemoryStorage();
  storage.items.set(BACKEND_CACHE_KEY, typeof entry === 'string' ? entry : JSON.stringify(entry));
  return storage;
}

describe('writeCachedBackend', () => {
  test('stores backend, trials, user agent, date and version under playgrad:backend', () => {
    const storage = new MemoryStorage();
    expect(writeCachedBackend(storage, measured, UA, NOW)).toBe(true);
    expect(JSON.parse(storage.items.get(BACKEND_CACHE_KEY) ?? 'null')).toEqual({
      backend: 'wasm',
      trials: measured.trials,
      userAgent: UA,
      measuredAt: NOW,
      version: 1,
    });
  });

  test('stores only measurements whose winner started', () => {
    const storage = new MemoryStorage();
    expect(writeCachedBackend(storage, { ...measured, reason: 'requested' }, UA, NOW)).toBe(false);
    expect(writeCachedBackend(storage, { ...measured, reason: 'cached' }, UA, NOW)).toBe(false);
    const allFailed: BackendChoice = {
      backend: 'cpu',
      reason: 'measured',
      threads: false,
      trials: [{ backend: 'cpu', ok: false, error: 'tfjs failed' }],
    };
    expect(writeCachedBackend(storage, allFailed, UA, NOW)).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  test('reports false instead of throwing when storage is missing or refuses', () => {
    expect(writeCachedBackend(undefined, measured, UA, NOW)).toBe(false);
    const storage = new MemoryStorage();
    storage.failWith = new Error('QuotaExceededError');
    expect(writeCachedBackend(storage, measured, UA, NOW)).toBe(false);
  });
});

describe('readCachedBackend', () => {
  test('reads back what was written, for the same browser', () => {
    const storage = new MemoryStorage();
    writeCachedBackend(storage, measured, UA, NOW);
    expect(readCachedBackend(storage, UA, NOW + 1000)).toEqual({
      backend: 'wasm',
      trials: measured.trials,
      userAgent: UA,
      measuredAt: NOW,
      version: 1,
    });
  });

  test('ignores an entry from another user agent', () => {
    const storage = new MemoryStorage();
    writeCachedBackend(storage, measured, UA, NOW);
    expect(readCachedBackend(storage, `${UA} Edg/156.0`, NOW)).toBeUndefined();
  });

  test('ignores an entry older than 30 days, or dated in the future', () => {
    const storage = new MemoryStorage();
    writeCachedBackend(storage, measured, UA, NOW);
    expect(readCachedBackend(storage, UA, NOW + BACKEND_CACHE_MAX_AGE_MS)).toBeDefined();
    expect(readCachedBackend(storage, UA, NOW + BACKEND_CACHE_MAX_AGE_MS + 1)).toBeUndefined();
    expect(readCachedBackend(storage, UA, NOW - 60_000)).toBeUndefined();
    expect(BACKEND_CACHE_MAX_AGE_MS).toBe(30 * 24 * 3600 * 1000);
  });

  test('ignores corrupt JSON and entries of the wrong shape or version', () => {
    const good = { backend: 'wasm', trials: [], userAgent: UA, measuredAt: NOW, version: 1 };
    expect(readCachedBackend(storedWith(good), UA, NOW)?.backend).toBe('wasm');
    const bad: unknown[] = [
      '{"backend": "wasm",',
      'null',
      '"wasm"',
      { ...good, version: 2 },
      { ...good, backend: 'webnn' },
      { ...good, measuredAt: '2026-03-03' },
      { ...good, trials: 'wasm' },
      { ...good, trials: [{ backend: 'wasm', ok: 'yes' }] },
      { ...good, trials: [{ backend: 'wasm', ok: true, gflops: '39' }] },
    ];
    for (const entry of bad) expect(readCachedBackend(storedWith(entry), UA, NOW)).toBeUndefined();
  });

  test('treats a missing or throwing storage as empty', () => {
    expect(readCachedBackend(undefined, UA, NOW)).toBeUndefined();
    expect(readCachedBackend(new MemoryStorage(), UA, NOW)).toBeUndefined();
    const storage = new MemoryStorage();
    writeCachedBackend(storage, measured, UA, NOW);
    storage.failWith = new Error('SecurityError');
    expect(readCachedBackend(storage, UA, NOW)).toBeUndefined();
  });
});

describe('clearCachedBackend', () => {
  test('removes the entry and tolerates a storage that throws', () => {
    const storage = new MemoryStorage();
    writeCachedBackend(storage, measured, UA, NOW);
    storage.items.set('other', 'kept');
    clearCachedBackend(storage);
    expect([...storage.items.keys()]).toEqual(['other']);
    storage.failWith = new Error('SecurityError');
    expect(() => clearCachedBackend(storage)).not.toThrow();
    expect(() => clearCachedBackend(undefined)).not.toThrow();
  });
});
