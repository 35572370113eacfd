import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setKernelContext } from '../../../src/lib/context';
import { cellId } from '../../../src/protocol/messages';
import { loadCorpus } from '../../../src/lib/text/corpus';

const CORPUS_DIR = join(import.meta.dirname, '..', '..', '..', 'public', 'corpus');
const BASE = 'https://playgrad.test/course/';

/** A site under BASE that serves public/corpus/, and answers `status` for other paths. */
function installSite(status = 404, body = ''): string[] {
  const requests: string[] = [];
  setKernelContext({
    emit: () => undefined,
    cellId: () => cellId('test-cell'),
    interrupted: () => false,
    baseUrl: BASE,
  });
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    const file = url.startsWith(`${BASE}corpus/`) ? url.slice(`${BASE}corpus/`.length) : '';
    if (file === 'moby-dick-excerpt.txt') {
      return new Response(readFileSync(join(CORPUS_DIR, file), 'utf8'));
    }
    return new Response(body, { status });
  });
  return requests;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setKernelContext(undefined);
});

describe('loadCorpus', () => {
  it('fetches the shipped Moby-Dick excerpt from <base>corpus/', async () => {
    const requests = installSite();
    const book = await loadCorpus('moby-dick-excerpt.txt');
    expect(requests).toEqual([`${BASE}corpus/moby-dick-excerpt.txt`]);
    expect(book.startsWith('CHAPTER 1. Loomings.')).toBe(true);
    expect(book.match(/^CHAPTER \d+\./gm)).toHaveLength(6);
    expect(book).toContain('Call me Ishmael.');
  });

  it('names the URL and status of a missing file', async () => {
    installSite(404);
    await expect(loadCorpus('nope.txt')).rejects.toThrow(
      `Could not load the corpus ${BASE}corpus/nope.txt: 404`,
    );
  });

  it('refuses an HTML page served in place of a missing file', async () => {
    installSite(200, '<!doctype html><html></html>');
    await expect(loadCorpus('gone.txt')).rejects.toThrow(/HTML page instead/);
  });

  it('refuses paths and non-strings before fetching', async () => {
    const requests = installSite();
    await expect(loadCorpus('../index.html')).rejects.toThrow(/give a file name/);
    await expect(loadCorpus(42 as unknown as string)).rejects.toThrow(/give a file name/);
    expect(requests).toEqual([]);
  });
});
