/**
 * A fake static site for the dataset loader: a kernel context whose base URL is a sub-path,
 * and a `fetch` that serves the repo's datasets/ folder, with optional files that override or
 * add to it. Each test gets its own base URL so the loader's per-URL cache never leaks
 * between tests.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { setKernelContext } from '../../../src/lib/context';
import { cellId } from '../../../src/protocol/messages';

export const DATASETS_DIR = join(import.meta.dirname, '..', '..', '..', 'datasets');

let siteCounter = 0;

export interface FakeSite {
  baseUrl: string;
  /** URLs fetched, in order. */
  requests: string[];
}

/**
 * Installs the context and the fetch stub. `files` maps a path under datasets/ to its text,
 * or to a number: an HTTP status to answer with.
 */
export function installSite(files: Record<string, string | number> = {}): FakeSite {
  siteCounter += 1;
  const baseUrl = `https://playgrad.test/site${siteCounter}/`;
  const site: FakeSite = { baseUrl, requests: [] };
  setKernelContext({
    emit: () => undefined,
    cellId: () => cellId('test-cell'),
    interrupted: () => false,
    baseUrl,
  });
  const fetchStub = async (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    site.requests.push(url);
    const prefix = `${baseUrl}datasets/`;
    if (!url.startsWith(prefix)) return new Response('', { status: 404, statusText: 'Not Found' });
    const path = decodeURIComponent(url.slice(prefix.length));
    const override = files[path];
    if (typeof override === 'number') {
      return new Response('', { status: override, statusText: statusText(override) });
    }
    if (typeof override === 'string') return new Response(override);
    const onDisk = join(DATASETS_DIR, path);
    if (!existsSync(onDisk)) return new Response('', { status: 404, statusText: 'Not Found' });
    return new Response(readFileSync(onDisk));
  };
  vi.stubGlobal('fetch', vi.fn(fetchStub));
  return site;
}

function statusText(status: number): string {
  return status === 404 ? 'Not Found' : status === 500 ? 'Internal Server Error' : '';
}

export function readCatalogFromDisk(): unknown {
  return JSON.parse(readFileSync(join(DATASETS_DIR, 'catalog.json'), 'utf8'));
}
