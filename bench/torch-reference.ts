/**
 * Native PyTorch (one thread) as the reference for the MLP and CNN epochs: a long-lived
 * bench/torch_reference.py that times epochs on request, so they can interleave with the
 * browser's. torch is not in CI: when it (or the Python) is missing, `startTorch` says why
 * and returns nothing, and the bench goes on without it.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { timingsIn, type Timing } from './results';

/** Debian's python3-torch is installed for the system Python, not a pyenv one. */
const PYTHON = process.env.TORCH_PYTHON ?? '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torch_reference.py', import.meta.url));

export type TorchTask = 'mlp' | 'cnn';

export interface TorchReference {
  version: string;
  /** A fresh model, `warmup` untimed epochs, then `runs` timed ones. */
  epochs(task: TorchTask, warmup: number, runs: number): Promise<Timing>;
  close(): void;
}

export async function startTorch(log: (line: string) => void): Promise<TorchReference | undefined> {
  // One thread, as the browser's WASM kernel on a page that is not isolated.
  const env = { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const child = spawn(PYTHON, [SCRIPT], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<undefined>((resolve) => {
    child.on('error', (error) => {
      log(`  torch reference skipped: cannot start ${PYTHON} (${error.message})`);
      resolve(undefined);
    });
    child.on('exit', () => resolve(undefined));
  });
  const next = async (): Promise<string | undefined> =>
    Promise.race([lines.next().then((r) => (r.done ? undefined : r.value)), exited]);

  const hello = await next();
  const ready: unknown = hello ? JSON.parse(hello) : undefined;
  if (!ready || typeof ready !== 'object' || Reflect.get(ready, 'ready') !== true) {
    const why = ready && typeof ready === 'object' ? Reflect.get(ready, 'error') : undefined;
    if (why) log(`  torch reference skipped: ${String(why)} (it is not in CI)`);
    child.kill();
    return undefined;
  }
  return {
    version: String(Reflect.get(ready, 'torch')),
    async epochs(task, warmup, runs) {
      child.stdin.write(`${task} ${warmup} ${runs}\n`);
      const line = await next();
      const [timing] = line ? timingsIn(line, 'torch') : [];
      if (!timing) throw new Error(`The torch reference stopped answering (${task})`);
      return timing;
    },
    close: () => void child.stdin.end(),
  };
}
