/**
 * The kernel's bootstrap in its opaque origin (docs/decisions.md, "Kernel isolation").
 *
 * The sandboxed frame (frame-script.ts) starts this file as a classic worker from a blob:
 * URL and sends it the kernel's MessagePort. It then:
 *  1. routes the kernel's `postMessage` and incoming requests through that port;
 *  2. replaces `fetch` (the site's files come through the page) and `caches` (only the hub
 *     model cache, kept by the page);
 *  3. loads the kernel's chunks as blob: modules and imports the entry (src/kernel/worker.ts).
 * The origin is opaque, so IndexedDB and Cache Storage are out of reach here and in any
 * worker a cell starts: the page's edits, progress and precache are safe from cells.
 */
import { createChunkLoader } from './chunk-loader';
import { DYNAMIC_IMPORT_GLOBAL } from './chunk-rewrite';
import { HostClient } from './host-client';
import { isHostMessage, type HostStart } from './host-protocol';
import { hubCacheStorage } from './hub-cache';
import { kernelIndexedDB } from './kernel-indexeddb';
import { proxiedFetch } from './proxied-fetch';

/** The part of the worker global scope the bootstrap uses (tsconfig has DOM types only). */
interface BootstrapScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  dispatchEvent(event: Event): boolean;
  fetch: typeof fetch;
}

const scope = self as unknown as BootstrapScope;

function start(event: MessageEvent<unknown>): void {
  const data = event.data;
  const port = event.ports[0];
  if (!isHostMessage(data) || data.host !== 'start' || !port) return;
  scope.removeEventListener('message', start);
  const { siteBase, entry } = data as HostStart;

  // Requests that arrive before the kernel listens (its `init`) wait for it.
  let waiting: unknown[] | undefined = [];
  const deliver = (request: unknown) =>
    scope.dispatchEvent(new MessageEvent('message', { data: request }));
  const host = new HostClient(port, (request) => {
    if (waiting) waiting.push(request);
    else deliver(request);
  });

  const define = (name: string, value: unknown) =>
    Object.defineProperty(self, name, { value, writable: false, configurable: false });
  define('postMessage', (message: unknown, transfer?: Transferable[]) =>
    host.post(message, transfer),
  );
  const fetchSite = proxiedFetch(host, siteBase, scope.fetch.bind(self));
  define('fetch', fetchSite);
  define('caches', hubCacheStorage(host));
  define('indexedDB', kernelIndexedDB(host));

  const loader = createChunkLoader(async (url) => {
    const response = await fetchSite(url);
    if (!response.ok) throw new Error(`The kernel could not load ${url} (HTTP ${response.status})`);
    return response.text();
  });
  define(DYNAMIC_IMPORT_GLOBAL, loader.importFrom);

  loader
    .load(entry)
    .then((blobUrl) => import(/* @vite-ignore */ blobUrl))
    .then(() => {
      const requests = waiting ?? [];
      waiting = undefined;
      for (const request of requests) deliver(request);
    })
    .catch((error: unknown) => {
      // Thrown from a task of its own, so the frame sees the worker's `error` event.
      setTimeout(() => {
        throw error instanceof Error ? error : new Error(String(error));
      });
    });
}

scope.addEventListener('message', start);
