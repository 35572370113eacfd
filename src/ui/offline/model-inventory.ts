/**
 * Which models the browser keeps, for the Offline page:
 * - shipped models: the folders under the site's `models/` stored in the lesson-assets
 *   cache (by a lesson that loaded them, or the Offline page's download), or in the
 *   precache of an older deploy;
 * - hub models: what Transformers.js downloaded from the Hugging Face hub into Cache
 *   Storage 'transformers-cache' (when a learner chose an online model), which can be deleted.
 */
import { LESSON_ASSETS_CACHE } from './lesson-assets-cache';
import { responseBytes, type CacheStorageLike } from './storage-report';

/** The Cache Storage name Transformers.js uses in browsers. */
export const HUB_CACHE = 'transformers-cache';
/** The service worker's precache (workbox names it `<cacheId>-precache-v2-<scope>`). */
const PRECACHE_PREFIX = 'playgrad-precache';

export interface StoredModel {
  name: string;
  files: number;
  bytes: number;
}

/** Cache Storage with deletion, for removing hub models. */
export interface DeletableCacheStorage extends CacheStorageLike {
  open(
    name: string,
  ): Promise<
    Awaited<ReturnType<CacheStorageLike['open']>> & { delete(request: Request): Promise<boolean> }
  >;
}

function addFile(models: Map<string, StoredModel>, name: string, bytes: number): void {
  const model = models.get(name) ?? { name, files: 0, bytes: 0 };
  model.files += 1;
  model.bytes += bytes;
  models.set(name, model);
}

function sorted(models: Map<string, StoredModel>): StoredModel[] {
  return [...models.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The shipped models found in the lesson-assets cache or the precache, by folder name.
 * @param modelsUrl the absolute URL of the site's models/ folder (ends with '/')
 */
export async function shippedModels(
  storage: CacheStorageLike,
  modelsUrl: string,
): Promise<StoredModel[]> {
  const models = new Map<string, StoredModel>();
  /** A file stored in two caches counts once. */
  const seen = new Set<string>();
  for (const cacheName of await storage.keys()) {
    if (!cacheName.startsWith(PRECACHE_PREFIX) && cacheName !== LESSON_ASSETS_CACHE) continue;
    const cache = await storage.open(cacheName);
    for (const request of await cache.keys()) {
      // Precache keys carry a revision query; the path says which model a file is in.
      const url = new URL(request.url);
      const path = `${url.origin}${url.pathname}`;
      if (!path.startsWith(modelsUrl) || seen.has(path)) continue;
      const folder = path.slice(modelsUrl.length).split('/')[0];
      const response = await cache.match(request);
      if (!folder || !response) continue;
      seen.add(path);
      addFile(models, folder, await responseBytes(response));
    }
  }
  return sorted(models);
}

/**
 * The hub model a cached URL belongs to: https://huggingface.co/<owner>/<name>/resolve/…
 * gives "<owner>/<name>". Anything else (a file from the site) is no hub model.
 */
export function hubModelOf(url: string): string | undefined {
  const match = /^\/(.+?)\/resolve\//.exec(new URL(url).pathname);
  return match ? decodeURIComponent(match[1]) : undefined;
}

export async function hubModels(storage: CacheStorageLike): Promise<StoredModel[]> {
  if (!(await storage.keys()).includes(HUB_CACHE)) return [];
  const cache = await storage.open(HUB_CACHE);
  const models = new Map<string, StoredModel>();
  for (const request of await cache.keys()) {
    const name = hubModelOf(request.url);
    const response = await cache.match(request);
    if (name && response) addFile(models, name, await responseBytes(response));
  }
  return sorted(models);
}

/**
 * The hub models stored with at least one weights file (`…/onnx/…`): a download that broke
 * off after the small files cannot load offline, so it does not count.
 */
export async function loadableHubModels(storage: CacheStorageLike): Promise<string[]> {
  if (!(await storage.keys()).includes(HUB_CACHE)) return [];
  const cache = await storage.open(HUB_CACHE);
  const names = new Set<string>();
  for (const request of await cache.keys()) {
    const name = hubModelOf(request.url);
    if (name && new URL(request.url).pathname.includes('/onnx/')) names.add(name);
  }
  return [...names].sort();
}

/** Deletes every stored file of one hub model; returns how many were deleted. */
export async function deleteHubModel(
  storage: DeletableCacheStorage,
  name: string,
): Promise<number> {
  if (!(await storage.keys()).includes(HUB_CACHE)) return 0;
  const cache = await storage.open(HUB_CACHE);
  let deleted = 0;
  for (const request of await cache.keys()) {
    if (hubModelOf(request.url) === name && (await cache.delete(request))) deleted += 1;
  }
  return deleted;
}
