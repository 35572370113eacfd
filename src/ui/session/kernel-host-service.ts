/**
 * The page's side of the kernel's host requests (src/kernel-host/host-protocol.ts): it
 * fetches the site's files for the kernel (through the service worker, so offline works)
 * and keeps the hub models the kernel downloads in 'transformers-cache'. It serves only
 * what a cell could have had before, minus the page's storage:
 *  - reads (GET/HEAD) of URLs under the site root, never writes;
 *  - the hub cache, where it stores only URLs of other origins (hub downloads), so a cell
 *    cannot plant one of the site's files in Cache Storage.
 */
import { assertNever } from '../../protocol/messages';
import {
  HUB_CACHE_NAME,
  headerPairs,
  type HostReply,
  type HostRequest,
  type HostResponse,
} from '../../kernel-host/host-protocol';
import { runStoreOperation } from './kernel-store';

export interface ServedReply {
  reply: HostReply;
  transfer: Transferable[];
}

export async function serveHostRequest(
  request: HostRequest,
  siteBase: string,
): Promise<ServedReply> {
  try {
    if (request.host === 'store') {
      const value = await runStoreOperation(request);
      return {
        reply: { host: 'reply', id: request.id, ok: true, response: null, value },
        transfer: [],
      };
    }
    const response = await answer(request, siteBase);
    const transfer = response?.body ? [response.body] : [];
    return { reply: { host: 'reply', id: request.id, ok: true, response }, transfer };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { reply: { host: 'reply', id: request.id, ok: false, message }, transfer: [] };
  }
}

async function answer(
  request: Exclude<HostRequest, { host: 'store' }>,
  siteBase: string,
): Promise<HostResponse | null> {
  switch (request.host) {
    case 'fetch': {
      if (!request.url.startsWith(siteBase))
        throw new Error(`Not a file of this site: ${request.url}`);
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
      });
      return toHostResponse(response);
    }
    case 'cache-match': {
      const cache = await caches.open(HUB_CACHE_NAME);
      const response = await cache.match(request.url);
      return response ? toHostResponse(response) : null;
    }
    case 'cache-put': {
      const url = new URL(request.url);
      if (url.protocol !== 'https:' || request.url.startsWith(new URL(siteBase).origin)) {
        throw new Error(
          `Only downloads from other sites are cached for the kernel: ${request.url}`,
        );
      }
      const { body, ...init } = request.response;
      const cache = await caches.open(HUB_CACHE_NAME);
      await cache.put(request.url, new Response(body, init));
      return null;
    }
    default:
      return assertNever(request);
  }
}

async function toHostResponse(response: Response): Promise<HostResponse> {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: headerPairs(response.headers),
    body: await response.arrayBuffer(),
  };
}
