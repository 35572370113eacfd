/**
 * The kernel's `caches`, in its opaque origin (which has no Cache Storage): only
 * Transformers.js' 'transformers-cache' opens, and it lives in the page's Cache Storage,
 * so the Models page lists and deletes hub models as before. The page stores only entries
 * for other origins (hub downloads) there: a cell can never plant one of the site's files.
 */
import { fromResponse, toResponse, type HostClient } from './host-client';
import { HUB_CACHE_NAME } from './host-protocol';

type CacheKey = RequestInfo | URL;

const keyUrl = (key: CacheKey): string => (key instanceof Request ? key.url : String(key));

export function hubCacheStorage(host: HostClient): Pick<CacheStorage, 'open' | 'has'> {
  const cache = {
    async match(key: CacheKey): Promise<Response | undefined> {
      const response = await host.request({ host: 'cache-match', url: keyUrl(key) });
      return response ? toResponse(response) : undefined;
    },
    async put(key: CacheKey, response: Response): Promise<void> {
      const stored = await fromResponse(response);
      const transfer = stored.body ? [stored.body] : [];
      await host.request({ host: 'cache-put', url: keyUrl(key), response: stored }, transfer);
    },
  };
  return {
    has: async (name) => name === HUB_CACHE_NAME,
    open: async (name) => {
      if (name !== HUB_CACHE_NAME) {
        throw new DOMException(
          `The kernel runs in its own origin: only the '${HUB_CACHE_NAME}' cache is available`,
          'SecurityError',
        );
      }
      return cache as unknown as Cache;
    },
  };
}
