import { describe, expect, test } from 'vitest';
import type { LessonAsset } from '../../../src/notebook/types';
import type { AssetCache } from '../../../src/ui/offline/lesson-downloads';
import {
  OFFLINE_REASON,
  isReadyOffline,
  saveLessonOffline,
  type OfflineSave,
  type SaveLessonOptions,
} from '../../../src/ui/offline/lesson-offline';

const SITE = 'https://learn.test/course/';
const ASSETS: LessonAsset[] = [
  { url: 'datasets/fashion-mnist.u8.gz', bytes: 12 },
  { url: 'models/tiny-lm/weights.bin', bytes: 5 },
];

function memoryCache(stored: string[] = []): AssetCache & { urls: Set<string> } {
  const urls = new Set(stored.map((url) => new URL(url, SITE).href));
  return {
    urls,
    match: async (request) => (urls.has(request.url) ? new Response('x') : undefined),
    put: async (request) => void urls.add(request.url),
  };
}

/** A server sending each asset's bytes, or `short` bytes fewer for every file. */
function server(short = 0) {
  const requested: string[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requested.push(request.url);
    const asset = ASSETS.find((a) => new URL(a.url, SITE).href === request.url);
    if (!asset) return new Response('', { status: 404 });
    return new Response(new Uint8Array(asset.bytes - short));
  };
  return { fetch, requested };
}

function options(overrides: Partial<SaveLessonOptions> = {}) {
  const changes: OfflineSave[] = [];
  const net = server();
  const opts: SaveLessonOptions = {
    assets: async () => ASSETS,
    app: { isStored: async () => true, stored: async () => undefined },
    cache: memoryCache(),
    baseUrl: SITE,
    online: () => true,
    fetch: net.fetch,
    onchange: (save) => changes.push(save),
    ...overrides,
  };
  return { opts, changes, requested: net.requested };
}

describe('saveLessonOffline', () => {
  test('a lesson with every file stored is ready at once: no download, no "saving"', async () => {
    const cache = memoryCache(ASSETS.map((a) => a.url));
    const { opts, changes, requested } = options({ cache });
    await expect(saveLessonOffline(opts)).resolves.toEqual({ state: 'ready' });
    expect(changes).toEqual([{ state: 'ready' }]);
    expect(requested).toEqual([]);
  });

  test('waits for the app to be stored, then downloads only the missing files', async () => {
    let appStored = (): void => undefined;
    const stored = new Promise<void>((resolve) => (appStored = resolve));
    const cache = memoryCache([ASSETS[1].url]);
    const { opts, changes, requested } = options({
      cache,
      app: { isStored: async () => false, stored: () => stored },
    });
    const save = saveLessonOffline(opts);
    await new Promise((resolve) => setTimeout(resolve));
    expect(changes).toEqual([{ state: 'saving' }]);
    expect(requested).toEqual([]);
    appStored();
    await expect(save).resolves.toEqual({ state: 'ready' });
    expect(requested).toEqual([new URL(ASSETS[0].url, SITE).href]);
    expect(cache.urls.size).toBe(2);
    expect(changes.at(-1)).toEqual({ state: 'ready' });
  });

  test('no service worker: not saved, with the reason, and nothing downloaded', async () => {
    const { opts, requested } = options({
      app: {
        isStored: async () => false,
        stored: () => Promise.reject(new Error('this browser has no service worker')),
      },
    });
    await expect(saveLessonOffline(opts)).resolves.toEqual({
      state: 'not-saved',
      reason: 'this browser has no service worker',
    });
    expect(requested).toEqual([]);
  });

  test('offline with files missing: not saved, says why, tries no download', async () => {
    const { opts, requested } = options({ online: () => false });
    await expect(saveLessonOffline(opts)).resolves.toEqual({
      state: 'not-saved',
      reason: OFFLINE_REASON,
    });
    expect(requested).toEqual([]);
  });

  test('offline with every file stored is still ready', async () => {
    const cache = memoryCache(ASSETS.map((a) => a.url));
    const { opts } = options({ cache, online: () => false });
    await expect(saveLessonOffline(opts)).resolves.toEqual({ state: 'ready' });
  });

  test('a cut download keeps no file and names the shortfall', async () => {
    const cache = memoryCache();
    const { opts } = options({ cache, fetch: server(3).fetch });
    const save = await saveLessonOffline(opts);
    expect(save.state).toBe('not-saved');
    expect(save.state === 'not-saved' && save.reason).toMatch(/got 9 bytes, expected 12/);
    expect(cache.urls.size).toBe(0);
  });

  test('course.json unreadable: not saved with its message', async () => {
    const { opts } = options({
      assets: () => Promise.reject(new Error('course.json: 404 Not Found')),
    });
    await expect(saveLessonOffline(opts)).resolves.toEqual({
      state: 'not-saved',
      reason: 'course.json: 404 Not Found',
    });
  });
});

describe('isReadyOffline', () => {
  test('needs the app stored and every declared file', async () => {
    const all = memoryCache(ASSETS.map((a) => a.url));
    const one = memoryCache([ASSETS[0].url]);
    const ready = (appStored: boolean, cache: AssetCache, assets = ASSETS) =>
      isReadyOffline(assets, { appStored, cache, baseUrl: SITE });
    await expect(ready(true, all)).resolves.toBe(true);
    await expect(ready(false, all)).resolves.toBe(false);
    await expect(ready(true, one)).resolves.toBe(false);
    // A lesson without per-lesson files needs only the app.
    await expect(ready(true, memoryCache(), [])).resolves.toBe(true);
    await expect(ready(false, memoryCache(), [])).resolves.toBe(false);
  });
});
