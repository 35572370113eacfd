/**
 * The messages between the page and the kernel's bootstrap in its opaque origin
 * (docs/decisions.md, "Kernel isolation"). They share the kernel's MessagePort with the
 * kernel protocol (`src/protocol/messages.ts`) and are told apart by their `host` tag.
 *
 * The kernel cannot fetch the site's own files (its origin is opaque, a static host sends no
 * CORS headers, and the service worker does not control it), so it asks the page; and it
 * has no Cache Storage, so the page keeps the hub models it downloads ('transformers-cache').
 */

/** A response handed across the port: the body is transferred, not copied. */
export interface HostResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** Kernel → page. */
export type HostRequest =
  | { host: 'fetch'; id: number; url: string; method: 'GET' | 'HEAD'; headers: [string, string][] }
  | { host: 'cache-match'; id: number; url: string }
  | { host: 'cache-put'; id: number; url: string; response: HostResponse }
  | ({ host: 'store'; id: number } & StoreOperation);

/**
 * The kernel's own records (tfjs' `indexeddb://` models), kept by the page in a database of
 * their own: the kernel has no IndexedDB, and never reaches the page's.
 */
export type StoreOperation =
  | { op: 'get' | 'delete'; db: string; store: string; key: string }
  | { op: 'getAll'; db: string; store: string }
  | { op: 'put'; db: string; store: string; key: string; value: unknown };

/** Page → kernel: the answer to request `id`; `response` is null when there is none (no cache entry). */
export type HostReply =
  | { host: 'reply'; id: number; ok: true; response: HostResponse | null; value?: unknown }
  | { host: 'reply'; id: number; ok: false; message: string };

/** Frame → bootstrap worker, with the kernel's port; then page ↔ kernel talk on that port. */
export interface HostStart {
  host: 'start';
  /** The site root, ending with '/': fetches under it go through the page. */
  siteBase: string;
  /** The kernel worker's entry chunk (absolute URL under `siteBase`). */
  entry: string;
}

/** Page → frame: the start message and the bootstrap's source, with the kernel's port. */
export interface FrameStart extends HostStart {
  bootstrap: string;
}

/** Frame → page: the bootstrap worker failed (it could not start or an error escaped it). */
export interface HostError {
  host: 'error';
  message: string;
}

/** The one cache the kernel may use through the page: Transformers.js' hub downloads. */
export const HUB_CACHE_NAME = 'transformers-cache';

export function isHostMessage(data: unknown): data is { host: string } {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { host?: unknown }).host === 'string'
  );
}

/** Headers as plain pairs, which structured clone can carry. */
export function headerPairs(headers: Headers): [string, string][] {
  const pairs: [string, string][] = [];
  headers.forEach((value, name) => pairs.push([name, value]));
  return pairs;
}
