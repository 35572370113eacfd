/**
 * What the browser stores for the site: the Cache API's caches (the service worker's
 * precache among them) with their sizes, the origin's usage and quota, and persistence.
 */

export interface CacheReport {
  name: string;
  entries: number;
  bytes: number;
}

export interface StorageReport {
  caches: CacheReport[];
  /** From `navigator.storage.estimate()`; undefined where the browser does not say. */
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

/** The parts of the Cache API the report reads (so tests can pass a fake). */
export interface CacheStorageLike {
  keys(): Promise<string[]>;
  open(name: string): Promise<{
    keys(): Promise<readonly Request[]>;
    match(request: Request): Promise<Response | undefined>;
  }>;
}

export interface StorageManagerLike {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
}

/** A response's size: its Content-Length when declared, else its body (read once). */
export async function responseBytes(response: Response): Promise<number> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > 0) return declared;
  return (await response.blob()).size;
}

export async function measureCache(storage: CacheStorageLike, name: string): Promise<CacheReport> {
  const cache = await storage.open(name);
  const requests = await cache.keys();
  let bytes = 0;
  for (const request of requests) {
    const response = await cache.match(request);
    if (response) bytes += await responseBytes(response);
  }
  return { name, entries: requests.length, bytes };
}

export async function storageReport(
  cacheStorage: CacheStorageLike | undefined,
  manager: StorageManagerLike | undefined,
): Promise<StorageReport> {
  const caches: CacheReport[] = [];
  if (cacheStorage) {
    for (const name of await cacheStorage.keys())
      caches.push(await measureCache(cacheStorage, name));
  }
  const estimate = manager?.estimate ? await manager.estimate() : {};
  const persisted = manager?.persisted ? await manager.persisted() : undefined;
  return { caches, usage: estimate.usage, quota: estimate.quota, persisted };
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** 1536 → '1.5 kB' (powers of 1000, as browsers and disks report them). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
