import { describe, expect, test } from 'vitest';
import {
  formatBytes,
  storageReport,
  type CacheStorageLike,
} from '../../../src/ui/offline/storage-report';

/** A Cache API stand-in holding the given bodies, with or without Content-Length. */
function fakeCaches(contents: Record<string, { url: string; body: string; length?: number }[]>) {
  const storage: CacheStorageLike = {
    keys: async () => Object.keys(contents),
    open: async (name) => {
      const entries = contents[name] ?? [];
      return {
        keys: async () => entries.map((entry) => new Request(entry.url)),
        match: async (request) => {
          const entry = entries.find((e) => e.url === request.url);
          if (!entry) return undefined;
          const headers =
            entry.length === undefined ? undefined : { 'content-length': `${entry.length}` };
          return new Response(entry.body, { headers });
        },
      };
    },
  };
  return storage;
}

describe('storageReport', () => {
  test('sizes each cache from Content-Length, or from the body when it is missing', async () => {
    const storage = fakeCaches({
      'playgrad-precache-v2': [
        { url: 'https://x.test/a.js', body: 'abc', length: 1000 },
        { url: 'https://x.test/b.md', body: 'hello' },
      ],
      'hub-models': [],
    });
    const report = await storageReport(storage, {
      estimate: async () => ({ usage: 1234, quota: 10_000 }),
      persisted: async () => false,
    });
    expect(report).toEqual({
      caches: [
        { name: 'playgrad-precache-v2', entries: 2, bytes: 1005 },
        { name: 'hub-models', entries: 0, bytes: 0 },
      ],
      usage: 1234,
      quota: 10_000,
      persisted: false,
    });
  });

  test('reports nothing it cannot know when the browser lacks the APIs', async () => {
    await expect(storageReport(undefined, undefined)).resolves.toEqual({
      caches: [],
      usage: undefined,
      quota: undefined,
      persisted: undefined,
    });
  });
});

describe('formatBytes', () => {
  test('uses powers of 1000 and one decimal below 100', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(31_400_000)).toBe('31.4 MB');
    expect(formatBytes(250_000_000)).toBe('250 MB');
    expect(formatBytes(2e12)).toBe('2.0 TB');
  });
});
