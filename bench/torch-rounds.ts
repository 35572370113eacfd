/**
 * The MLP and CNN epochs in the browser kernel (WASM, one thread) against native PyTorch,
 * interleaved: each round runs the notebook in a fresh kernel (10 warm-up epochs, 5 timed),
 * then the same in torch, so both sides see the same machine load. A ratio per round
 * (kernel median ÷ torch median); the summary gives the median and range over the rounds.
 * With `prodMode`, each round also runs the notebook with `tf.enableProdMode()` first: an
 * A/B in the same run, before the kernel would ever turn it on.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openKernelRunner } from './browser-runs';
import { median, timingsIn } from './results';
import { startTorch, type TorchTask } from './torch-reference';

/** Must match WARMUP and RUNS in bench/notebooks/mlp.md and cnn.md. */
const WARMUP = 10;
const RUNS = 5;
const TASKS: readonly TorchTask[] = ['mlp', 'cnn'];
const TFJS_IMPORT = "import * as tf from '@tensorflow/tfjs';\n";

interface Variant {
  label: string;
  file: string;
}

export async function torchRounds(
  files: readonly string[],
  rounds: number,
  log: (line: string) => void,
  prodMode = false,
): Promise<string> {
  const tasks = files
    .map((file) => ({ file, task: path.basename(file, '.md') as TorchTask }))
    .filter(({ task }) => TASKS.includes(task));
  if (!tasks.length) return '';
  const torch = await startTorch(log);
  if (!torch) return 'Torch reference: skipped (no python3-torch; it is not in CI).';
  const scratch = await mkdtemp(path.join(tmpdir(), 'playgrad-bench-'));
  const runner = await openKernelRunner(log);
  const ratios = new Map<string, { kernel: number[]; torch: number[]; ratios: number[] }>();
  try {
    const variants = new Map<string, Variant[]>();
    for (const { file, task } of tasks) {
      const list = [{ label: 'kernel', file }];
      if (prodMode) list.push({ label: 'kernel + prodMode', file: await prodCopy(file, scratch) });
      variants.set(task, list);
    }
    for (let round = 1; round <= rounds; round += 1) {
      for (const { task } of tasks) {
        const kernelMs: [string, string, number][] = [];
        for (const variant of variants.get(task) ?? []) {
          const run = await runner.run(variant.file, 'wasm');
          const [kernel] = timingsIn(run.printed, 'chromium wasm');
          if (!kernel || run.backend !== 'wasm')
            throw new Error(`${task} did not run on WASM: ${run.error ?? run.backend}`);
          kernelMs.push([kernel.task, variant.label, median(kernel.ms)]);
        }
        const native = median((await torch.epochs(task, WARMUP, RUNS)).ms);
        for (const [name, label, ms] of kernelMs) {
          const key = `${name} | ${label}`;
          const entry = ratios.get(key) ?? { kernel: [], torch: [], ratios: [] };
          entry.kernel.push(ms);
          entry.torch.push(native);
          entry.ratios.push(ms / native);
          ratios.set(key, entry);
          log(`    round ${round} ${key}: ${ms.toFixed(1)} ms, torch ${native.toFixed(1)} ms`);
        }
      }
    }
  } finally {
    torch.close();
    await runner.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return summary(ratios, torch.version, rounds);
}

/** The notebook with `tf.enableProdMode()` right after its tfjs import. */
async function prodCopy(file: string, scratch: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(TFJS_IMPORT)) throw new Error(`${file} does not import tfjs as expected`);
  const copy = path.join(scratch, path.basename(file));
  await writeFile(copy, text.replace(TFJS_IMPORT, `${TFJS_IMPORT}tf.enableProdMode();\n`));
  return copy;
}

function summary(
  ratios: Map<string, { kernel: number[]; torch: number[]; ratios: number[] }>,
  version: string,
  rounds: number,
): string {
  const lines = [
    `Against native PyTorch ${version} (one thread), ${rounds} interleaved rounds:`,
    '',
    '| task | kernel variant (WASM) | median ms | torch median ms | ratio median | ratio range |',
    '|---|---|---:|---:|---:|---|',
  ];
  for (const [key, { kernel, torch, ratios: each }] of ratios) {
    const range = `${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)}×`;
    lines.push(
      `| ${key} | ${median(kernel).toFixed(1)} | ${median(torch).toFixed(1)} | ` +
        `${median(each).toFixed(2)}× | ${range} |`,
    );
  }
  return lines.join('\n');
}
