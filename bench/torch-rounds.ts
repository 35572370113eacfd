/**
 * The MLP and CNN epochs in the browser kernel (WASM, one thread) against native PyTorch,
 * interleaved: each round runs the notebook in a fresh kernel (10 warm-up epochs, 5 timed),
 * then the same in torch, so both sides see the same machine load. A ratio per round
 * (kernel median ÷ torch median); the summary gives the median and range over the rounds.
 */
import path from 'node:path';
import { openKernelRunner } from './browser-runs';
import { median, timingsIn } from './results';
import { startTorch, type TorchTask } from './torch-reference';

/** Must match WARMUP and RUNS in bench/notebooks/mlp.md and cnn.md. */
const WARMUP = 10;
const RUNS = 5;
const TASKS: readonly TorchTask[] = ['mlp', 'cnn'];

export async function torchRounds(
  files: readonly string[],
  rounds: number,
  log: (line: string) => void,
): Promise<string> {
  const tasks = files
    .map((file) => ({ file, task: path.basename(file, '.md') as TorchTask }))
    .filter(({ task }) => TASKS.includes(task));
  if (!tasks.length) return '';
  const torch = await startTorch(log);
  if (!torch) return 'Torch reference: skipped (no python3-torch; it is not in CI).';
  const runner = await openKernelRunner(log);
  const perTask = new Map<string, { kernel: number[]; torch: number[]; ratios: number[] }>();
  try {
    for (let round = 1; round <= rounds; round += 1) {
      for (const { file, task } of tasks) {
        const run = await runner.run(file, 'wasm');
        const [kernel] = timingsIn(run.printed, 'chromium wasm');
        if (!kernel || run.backend !== 'wasm')
          throw new Error(`${task} did not run on WASM: ${run.error ?? run.backend}`);
        const reference = await torch.epochs(task, WARMUP, RUNS);
        const entry = perTask.get(kernel.task) ?? { kernel: [], torch: [], ratios: [] };
        const ratio = median(kernel.ms) / median(reference.ms);
        entry.kernel.push(median(kernel.ms));
        entry.torch.push(median(reference.ms));
        entry.ratios.push(ratio);
        perTask.set(kernel.task, entry);
        log(
          `    round ${round} ${kernel.task}: kernel ${median(kernel.ms).toFixed(1)} ms, ` +
            `torch ${median(reference.ms).toFixed(1)} ms, ${ratio.toFixed(2)}×`,
        );
      }
    }
  } finally {
    torch.close();
    await runner.close();
  }
  const lines = [
    `Against native PyTorch ${torch.version} (one thread), ${rounds} interleaved rounds:`,
    '',
    '| task | kernel (WASM) median ms | torch median ms | ratio median | ratio range |',
    '|---|---:|---:|---:|---|',
  ];
  for (const [task, { kernel, torch: native, ratios }] of perTask) {
    const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`;
    lines.push(
      `| ${task} | ${median(kernel).toFixed(1)} | ${median(native).toFixed(1)} | ` +
        `${median(ratios).toFixed(2)}× | ${range} |`,
    );
  }
  return lines.join('\n');
}
