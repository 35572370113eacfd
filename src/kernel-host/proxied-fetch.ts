/**
 * `fetch` for the kernel in its opaque origin. The site's own files (datasets, models, WASM,
 * lesson files, the kernel's chunks) are fetched by the page, so its service worker and
 * lesson-file cache serve them offline; anything else (the hub, an API a learner calls)
 * goes direct, as an ordinary cross-origin request from an opaque origin.
 */
import type { HostClient } from './host-client';
import { toResponse } from './host-client';
import { headerPairs } from './host-protocol';

export function proxiedFetch(
  host: HostClient,
  siteBase: string,
  direct: typeof fetch,
): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    // Relative URLs resolve against the site (the kernel's own URL is a blob:).
    const url = new URL(request ? request.url : String(input), siteBase).href;
    if (!url.startsWith(siteBase)) return direct(request ?? url, init);
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      throw new TypeError(`The kernel can only read this site's files (${method} ${url})`);
    }
    init?.signal?.throwIfAborted();
    const headers = headerPairs(new Headers(init?.headers ?? request?.headers));
    const response = await host.request({ host: 'fetch', url, method, headers });
    if (!response) throw new TypeError(`Failed to fetch ${url}`);
    return toResponse(response, method);
  };
}
