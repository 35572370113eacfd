/**
 * The reference for bench/notebooks/hnsw.md: hnswlib (the C++ library of HNSW's authors,
 * compiled to WebAssembly: the npm package hnswlib-wasm) in the same headless Chromium, on
 * the same data (the notebook's own `data` cell runs in the page), with the same M and
 * efConstruction. Its exact search is hnswlib's BruteforceSearch, which also gives the
 * truth its recall is measured against.
 *
 * hnswlib-wasm is built for the web only (its file system is IndexedDB), so it runs in a
 * page: one whose files are served from node_modules by Playwright's routing, nothing from
 * a CDN. It runs on the page's main thread, the notebook in the kernel's worker.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { transform } from 'sucrase';
import { parse } from '../src/notebook/parse';

const DIST = fileURLToPath(new URL('../node_modules/hnswlib-wasm/dist/', import.meta.url));
// *.localhost is loopback and a secure context; every request to it is answered below.
const ORIGIN = 'http://hnswlib.localhost';

/** The notebook's `data` cell as plain JavaScript. */
async function dataCell(file: string): Promise<string> {
  const notebook = parse(await readFile(file, 'utf8'));
  const cell = notebook.cells.find((c) => c.kind === 'code' && c.id === 'data');
  if (!cell) throw new Error(`${path.basename(file)} has no cell {id=data}`);
  return transform(cell.source, { transforms: ['typescript'] }).code;
}

/** Runs the reference; returns what it printed (timing lines like the notebook's). */
export async function runHnswlibReference(browser: Browser, notebook: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.route(`${ORIGIN}/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === '') {
        await route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>ref</title>',
        });
        return;
      }
      const file = path.join(DIST, path.basename(name));
      await route.fulfill({ contentType: 'text/javascript', body: await readFile(file) });
    });
    await page.goto(`${ORIGIN}/`);
    const lines = await page.evaluate(measure, await dataCell(notebook));
    return lines.join('\n');
  } finally {
    await page.close();
  }
}

interface Data {
  vectors: Float32Array[];
  queries: Float32Array[];
  N: number;
  DIM: number;
  K: number;
  M: number;
  EF_CONSTRUCTION: number;
  EF_SEARCH: number[];
  REPEATS: number;
}

interface Knn {
  neighbors: number[];
}
interface Hnswlib {
  BruteforceSearch: new (
    space: 'cosine',
    dim: number,
  ) => {
    initIndex(max: number): void;
    addPoint(point: Float32Array, label: number): void;
    searchKnn(query: Float32Array, k: number, filter: undefined): Knn;
    delete(): void;
  };
  HierarchicalNSW: new (
    space: 'cosine',
    dim: number,
    autoSaveFilename: string,
  ) => {
    initIndex(max: number, m: number, efConstruction: number, seed: number): void;
    addPoint(point: Float32Array, label: number, replaceDeleted: boolean): void;
    setEfSearch(ef: number): void;
    searchKnn(query: Float32Array, k: number, filter: undefined): Knn;
  };
}

/** Runs in the page: the same measurements as the notebook's, on hnswlib. */
async function measure(dataCode: string): Promise<string[]> {
  const names = 'vectors, queries, N, DIM, K, M, EF_CONSTRUCTION, EF_SEARCH, REPEATS';
  const data = new Function(`${dataCode}\nreturn { ${names} };`)() as Data;
  const { vectors, queries, N, DIM, K, M, EF_CONSTRUCTION, EF_SEARCH, REPEATS } = data;
  const url = '/hnswlib.js';
  const { loadHnswlib } = (await import(url)) as { loadHnswlib: () => Promise<Hnswlib> };
  const lib = await loadHnswlib();
  const lines: string[] = [];

  const brute = new lib.BruteforceSearch('cosine', DIM);
  brute.initIndex(N);
  vectors.forEach((v, i) => brute.addPoint(v, i));
  const exactStart = performance.now();
  const truth = queries.map((q) => new Set(brute.searchKnn(q, K, undefined).neighbors));
  const exactMs = performance.now() - exactStart;
  lines.push(JSON.stringify({ bench: 'exact top-10, batch of 100 queries', ms: [exactMs] }));
  brute.delete();

  const buildStart = performance.now();
  const index = new lib.HierarchicalNSW('cosine', DIM, '');
  index.initIndex(N, M, EF_CONSTRUCTION, 1);
  vectors.forEach((v, i) => index.addPoint(v, i, false));
  const buildMs = performance.now() - buildStart;
  lines.push(JSON.stringify({ bench: 'HNSW build', ms: [buildMs], perInsert: buildMs / N }));

  for (const ef of EF_SEARCH) {
    index.setEfSearch(ef);
    const latencies: number[] = [];
    let hits = 0;
    queries.forEach((q, i) => {
      const found = index.searchKnn(q, K, undefined).neighbors;
      const start = performance.now();
      for (let r = 0; r < REPEATS; r += 1) index.searchKnn(q, K, undefined);
      latencies.push((performance.now() - start) / REPEATS);
      hits += found.filter((id) => truth[i].has(id)).length;
    });
    const recall = hits / (K * queries.length);
    lines.push(JSON.stringify({ bench: `HNSW query, efSearch ${ef}`, ms: latencies, recall }));
  }
  return lines;
}
