/**
 * A fake static site for the text helpers in Node: a kernel context whose base URL is a
 * sub-path, and a `fetch` that serves the repo's public/ folder (the shipped models) and
 * answers 404 to everything else, recording every URL asked for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { cellId, type KernelMessage } from '../../../src/protocol/messages';
import { setKernelContext } from '../../../src/lib/context';

export const PUBLIC_DIR = join(import.meta.dirname, '..', '..', '..', 'public');
export const BASE_URL = 'https://playgrad.test/course/';

export interface ModelSite {
  requests: string[];
  sent: KernelMessage[];
}

export function installModelSite(): ModelSite {
  const site: ModelSite = { requests: [], sent: [] };
  setKernelContext({
    emit: (message) => site.sent.push(message),
    cellId: () => cellId('text-cell'),
    interrupted: () => false,
    baseUrl: BASE_URL,
  });
  vi.stubGlobal('fetch', async (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    site.requests.push(url);
    const path = url.startsWith(BASE_URL) ? decodeURIComponent(url.slice(BASE_URL.length)) : '';
    const file = join(PUBLIC_DIR, path);
    if (!path || path.includes('..') || !existsSync(file)) {
      return new Response('', { status: 404, statusText: 'Not Found' });
    }
    return new Response(readFileSync(file));
  });
  return site;
}
