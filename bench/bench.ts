/**
 * The bench: every notebook in bench/notebooks under Node (the reference, with and without
 * Playgrad's WASM kernels) and in headless Chromium on each backend that initialises.
 * Prints a Markdown table. Timings are not tests: this is run on demand, never by npm test.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BACKENDS, type Backend } from '../src/protocol/messages';
import { runInBrowser } from './browser-runs';
import { HNSW_NOTEBOOK, runHnswBench } from './hnsw-bench';
import { runInNode } from './node-reference';
import { table, timingsIn, type Timing } from './results';
import { torchRounds } from './torch-rounds';

const NOTEBOOKS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'notebooks');
const REFERENCE = 'node-wasm';
const STOCK = 'node-wasm (stock tfjs)';

interface Options {
  backends: Backend[];
  only?: string[];
  browser: boolean;
  node: boolean;
  /** Also time stock tfjs under Node (slow: its transposed matmuls make PCA take minutes). */
  stock: boolean;
  /** Also time WASM on a cross-origin isolated site, where it runs multi-threaded. */
  threads: boolean;
  /** Interleaved rounds of the MLP and CNN against native PyTorch; 0 skips them. */
  torchRounds: number;
  /** In those rounds, also the notebooks with `tf.enableProdMode()` (an A/B). */
  prodMode: boolean;
}

function parseArgs(args: string[]): Options {
  const options: Options = {
    backends: [...BACKENDS],
    browser: true,
    node: true,
    stock: false,
    threads: true,
    torchRounds: 5,
    prodMode: false,
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--no-browser') options.browser = false;
    else if (arg === '--no-node') options.node = false;
    else if (arg === '--stock') options.stock = true;
    else if (arg === '--no-threads') options.threads = false;
    else if (arg === '--no-torch') options.torchRounds = 0;
    else if (arg === '--prod-mode') options.prodMode = true;
    else if (arg === '--torch-rounds') {
      options.torchRounds = Number(args[++i]);
      if (!Number.isInteger(options.torchRounds) || options.torchRounds < 0)
        throw new Error('--torch-rounds takes a whole number of rounds');
    } else if (arg === '--backends') {
      options.backends = (args[++i] ?? '')
        .split(',')
        .filter((b): b is Backend => (BACKENDS as readonly string[]).includes(b));
    } else if (arg === '--only') options.only = (args[++i] ?? '').split(',');
    else throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

export async function main(args: string[]): Promise<number> {
  const options = parseArgs(args);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const files = (await readdir(NOTEBOOKS))
    .filter((name) => name.endsWith('.md') && name !== HNSW_NOTEBOOK)
    .filter((name) => !options.only || options.only.includes(path.basename(name, '.md')))
    .sort()
    .map((name) => path.join(NOTEBOOKS, name));
  const timings: Timing[] = [];
  if (options.node) {
    // Stock first: Playgrad's kernels, once registered, stay for the process.
    const variants = [
      ...(options.stock ? [[STOCK, false] as const] : []),
      [REFERENCE, true] as const,
    ];
    for (const [label, playgradKernels] of variants) {
      for (const file of files) {
        log(`  ${label}: ${path.basename(file)}`);
        timings.push(...(await nodeTimings(file, label, playgradKernels)));
      }
    }
  }
  if (options.browser && files.length) {
    const runs = await runInBrowser(files, options.backends, log);
    if (options.threads && options.backends.includes('wasm')) {
      runs.push(...(await runInBrowser(files, ['wasm'], log, true)));
    }
    for (const run of runs) {
      const threads = run.threads ? ` (${run.threads} threads)` : '';
      const label = `chromium ${run.backend ?? run.requested}${threads}`;
      if (run.backend !== run.requested) {
        log(
          `    ${run.requested} did not initialise (ran on ${run.backend ?? 'nothing'}): skipped`,
        );
        continue;
      }
      const found = timingsIn(run.printed, label);
      for (const timing of found) log(`    ${JSON.stringify(timing)}`);
      timings.push(...found);
      if (!found.length) timings.push(failed(path.basename(run.file), label, run.error));
    }
  }
  if (timings.length) process.stdout.write(`${table(timings, REFERENCE)}\n`);
  if (options.browser && options.torchRounds > 0) {
    const summary = await torchRounds(files, options.torchRounds, log, options.prodMode);
    if (summary) process.stdout.write(`\n${summary}\n`);
  }
  // HNSW runs once (it does not depend on the backend), against hnswlib-wasm in Chromium.
  const hnsw = !options.only || options.only.includes(path.basename(HNSW_NOTEBOOK, '.md'));
  if (hnsw && options.browser) process.stdout.write(`\n${await runHnswBench(NOTEBOOKS, log)}\n`);
  return 0;
}

async function nodeTimings(
  file: string,
  label: string,
  playgradKernels: boolean,
): Promise<Timing[]> {
  try {
    const { printed, leakedTensors } = await runInNode(file, { playgradKernels });
    const found = timingsIn(printed, label);
    for (const timing of found) process.stderr.write(`    ${JSON.stringify(timing)}\n`);
    if (leakedTensors !== 0)
      for (const t of found) t.note = `${t.note ?? ''} leaked ${leakedTensors} tensors`;
    return found;
  } catch (error) {
    return [
      failed(path.basename(file), label, error instanceof Error ? error.message : String(error)),
    ];
  }
}

function failed(task: string, backend: string, error: string | undefined): Timing {
  const reason = (error ?? 'printed no timing').split('\n')[0].slice(0, 80);
  return { task, backend, ms: [], note: `failed: ${reason}` };
}
