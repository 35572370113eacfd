import { describe, expect, test } from 'vitest';
import type { LessonEntry } from '../../../src/notebook/types';
import {
  downloadAssets,
  downloadErrorMessage,
  lessonDownloads,
  missingAssets,
  type AssetCache,
} from '../../../src/ui/offline/lesson-downloads';

const SITE = 'https://learn.test/course/';

/** An in-memory cache: URL → stored body. */
function memoryCache(): AssetCache & { bodies: Map<string, Uint8Array> } {
  const bodies = new Map<string, Uint8Array>();
  return {
    bodies,
    match: async (request) => {
      const body = bodies.get(request.url);
      return body ? new Response(body.slice()) : undefined;
    },
    put: async (request, response) => {
      bodies.set(request.url, new Uint8Array(await response.arrayBuffer()));
    },
  };
}

/** A server answering `files` (URL → bytes) in chunks of `chunk` bytes; anything else is 404. */
function fakeFetch(files: Record<string, number>, chunk = 4, headers: Record<string, string> = {}) {
  const requested: string[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requested.push(request.url);
    const size = files[request.url];
    if (size === undefined) return new Response('nope', { status: 404, statusText: 'Not Found' });
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= size) return controller.close();
        const part = Math.min(chunk, size - sent);
        controller.enqueue(new Uint8Array(part).fill(7));
        sent += part;
      },
    });
    return new Response(body, {
      headers: { 'content-type': 'application/octet-stream', ...headers },
    });
  };
  return { fetch, requested };
}

const ASSETS = [
  { url: 'models/tiny-lm/weights.bin', bytes: 10 },
  { url: 'datasets/mnist.u8.gz', bytes: 6 },
];

describe('lesson downloads', () => {
  test('lists only lessons with assets, with their total size', () => {
    const lessons: LessonEntry[] = [
      { slug: 'week1/a', frontMatter: { title: 'A', week: 1, order: 1 } },
      { slug: 'week5/cnn', frontMatter: { title: 'CNN', week: 5, order: 1 }, assets: ASSETS },
    ];
    expect(lessonDownloads(lessons)).toEqual([
      { slug: 'week5/cnn', title: 'CNN', assets: ASSETS, bytes: 16 },
    ]);
  });

  test('downloads the missing files with byte progress and stores them whole', async () => {
    const cache = memoryCache();
    cache.bodies.set(`${SITE}datasets/mnist.u8.gz`, new Uint8Array(6));
    const server = fakeFetch({ [`${SITE}models/tiny-lm/weights.bin`]: 10 });
    const progress: [number, number][] = [];
    const loaded = await downloadAssets(ASSETS, {
      cache,
      baseUrl: SITE,
      fetch: server.fetch,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(loaded).toBe(10);
    // Only the missing file is fetched; progress counts its chunks (4 + 4 + 2 bytes).
    expect(server.requested).toEqual([`${SITE}models/tiny-lm/weights.bin`]);
    expect(progress).toEqual([
      [0, 10],
      [4, 10],
      [8, 10],
      [10, 10],
    ]);
    expect(cache.bodies.get(`${SITE}models/tiny-lm/weights.bin`)).toEqual(
      new Uint8Array(10).fill(7),
    );
    expect(await missingAssets(ASSETS, cache, SITE)).toEqual([]);
  });

  test('a body the server compressed arrives decoded: stored, progress stops at the size', async () => {
    const cache = memoryCache();
    const url = `${SITE}models/tiny-lm/weights.bin`;
    const server = fakeFetch({ [url]: 15 }, 8, { 'content-encoding': 'gzip' });
    const progress: [number, number][] = [];
    await downloadAssets(ASSETS.slice(0, 1), {
      cache,
      baseUrl: SITE,
      fetch: server.fetch,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [0, 10],
      [8, 10],
      [10, 10],
    ]);
    expect(cache.bodies.get(url)?.length).toBe(15);
  });

  test('a short body or an HTTP error stores nothing and says which file', async () => {
    const cache = memoryCache();
    // The server has a shorter file than the build recorded (a cut connection, a new deploy).
    const short = fakeFetch({ [`${SITE}models/tiny-lm/weights.bin`]: 8 });
    await expect(
      downloadAssets(ASSETS, { cache, baseUrl: SITE, fetch: short.fetch }),
    ).rejects.toThrow('Could not download models/tiny-lm/weights.bin: got 8 bytes, expected 10.');
    expect(cache.bodies.size).toBe(0);

    const missing = fakeFetch({ [`${SITE}models/tiny-lm/weights.bin`]: 10 });
    await expect(
      downloadAssets(ASSETS, { cache, baseUrl: SITE, fetch: missing.fetch }),
    ).rejects.toThrow('Could not download datasets/mnist.u8.gz: 404 Not Found');
    // The first file is whole and stored; the lesson is still not stored (one file missing).
    expect(await missingAssets(ASSETS, cache, SITE)).toEqual([ASSETS[1]]);
  });

  test('a full disk and a lost network get clear messages', async () => {
    const full = memoryCache();
    full.put = async () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    const server = fakeFetch({ [`${SITE}models/tiny-lm/weights.bin`]: 10 });
    const quota = await downloadAssets(ASSETS.slice(0, 1), {
      cache: full,
      baseUrl: SITE,
      fetch: server.fetch,
    }).catch((error: unknown) => downloadErrorMessage(error));
    expect(quota).toMatch(/^Not enough storage space/);

    const offline = await downloadAssets(ASSETS, {
      cache: memoryCache(),
      baseUrl: SITE,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    }).catch((error: unknown) => downloadErrorMessage(error));
    expect(offline).toBe('The network is unavailable (Failed to fetch). Connect and try again.');
  });
});
