/**
 * The HNSW bench (bench/notebooks/hnsw.md): run once, in headless Chromium through the
 * real kernel (WASM backend: HNSW does not use tfjs, exact search does), with hnswlib-wasm
 * in the same browser as the reference (./hnsw-reference.ts). Prints the recall/latency
 * curve with ratios to the reference, and the load average, since the machine is shared.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../src/cli/browser';
import { runInBrowser } from './browser-runs';
import { runHnswlibReference } from './hnsw-reference';
import { median } from './results';

export const HNSW_NOTEBOOK = 'hnsw.md';

interface Line {
  bench: string;
  ms: number[];
  recall?: number;
  perInsert?: number;
}

function linesIn(printed: string): Map<string, Line> {
  const found = new Map<string, Line>();
  for (const text of printed.split('\n')) {
    if (!text.startsWith('{"bench"')) continue;
    const line = JSON.parse(text) as Line;
    found.set(line.bench, line);
  }
  return found;
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

export async function runHnswBench(
  notebooksDir: string,
  log: (line: string) => void,
): Promise<string> {
  const file = path.join(notebooksDir, HNSW_NOTEBOOK);
  const loadBefore = load();
  const [run] = await runInBrowser([file], ['wasm'], log);
  if (run.error) log(`    ${HNSW_NOTEBOOK} failed: ${run.error}`);
  const ours = linesIn(run.printed);
  log('  chromium page: hnswlib-wasm reference');
  const browser = await launchBrowser();
  let theirs = new Map<string, Line>();
  let refError = '';
  try {
    theirs = linesIn(await runHnswlibReference(browser, file));
  } catch (error) {
    refError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`    reference failed: ${refError}`);
  } finally {
    await browser.close();
  }
  for (const line of [...ours.values(), ...theirs.values()])
    log(
      `    ${line.bench}: ${median(line.ms).toFixed(3)} ms${line.recall ? ` recall ${line.recall}` : ''}`,
    );
  return table(ours, theirs, run.backend ?? run.requested, [loadBefore, load()], refError);
}

function table(
  ours: Map<string, Line>,
  theirs: Map<string, Line>,
  backend: string,
  loads: string[],
  refError: string,
): string {
  const ms = (line: Line | undefined, scale = 1): string =>
    line && line.ms.length ? (median(line.ms) * scale).toFixed(3) : '—';
  const ratio = (a: Line | undefined, b: Line | undefined): string =>
    a && b && a.ms.length && b.ms.length ? `${(median(a.ms) / median(b.ms)).toFixed(2)}×` : '—';
  const out = [
    `HNSW at 100,000 × 384, clustered (Playgrad in the kernel on ${backend}; reference:` +
      ` hnswlib-wasm in the same Chromium${refError ? `, failed: ${refError}` : ''}).` +
      ` Load average before: ${loads[0]}; after: ${loads[1]}.`,
    '',
    '| measure | Playgrad | hnswlib-wasm | ratio |',
    '|---|---:|---:|---:|',
  ];
  const exact = 'exact top-10, batch of 100 queries';
  out.push(
    `| ${exact} (ms) | ${ms(ours.get(exact))} | ${ms(theirs.get(exact))} | ${ratio(ours.get(exact), theirs.get(exact))} |`,
  );
  const build = (l: Line | undefined): string => (l?.perInsert ? l.perInsert.toFixed(3) : '—');
  const ob = ours.get('HNSW build');
  const tb = theirs.get('HNSW build');
  out.push(`| HNSW build (s) | ${ms(ob, 1e-3)} | ${ms(tb, 1e-3)} | ${ratio(ob, tb)} |`);
  out.push(`| HNSW build per insert (ms) | ${build(ob)} | ${build(tb)} | ${ratio(ob, tb)} |`);
  out.push(
    '',
    '| efSearch | Playgrad median ms/query | hnswlib-wasm | ratio | Playgrad recall@10 | hnswlib-wasm recall@10 |',
    '|---:|---:|---:|---:|---:|---:|',
  );
  for (const [name, line] of ours) {
    const ef = /efSearch (\d+)/.exec(name)?.[1];
    if (!ef) continue;
    const ref = theirs.get(name);
    const recall = (l: Line | undefined): string => (l?.recall ?? NaN).toFixed(3);
    out.push(
      `| ${ef} | ${ms(line)} | ${ms(ref)} | ${ratio(line, ref)} | ${recall(line)} | ${recall(ref)} |`,
    );
  }
  return out.join('\n');
}
