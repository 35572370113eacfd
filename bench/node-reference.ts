/**
 * The reference: the same notebook code under Node with tfjs + tfjs-backend-wasm (SIMD,
 * one thread), the proxy PERF-NOTES uses for the browser's worker.
 *
 * A notebook's code cells are joined (they share one scope, as in the kernel), stripped of
 * types and turned into CommonJS by sucrase, and run as one async function whose `require`
 * only knows tfjs, Transformers.js and playgrad's `text`, and whose `console.log` is captured.
 * Transformers.js loads the shipped models from public/models (onnxruntime-node under Node).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as transformers from '@huggingface/transformers';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { transform } from 'sucrase';
import { parse } from '../src/notebook/parse';
import { registerWasmKernelFixes } from '../src/kernel/tfjs-kernels/register-wasm-fixes';
import * as text from '../src/lib/text/index';

type CellRunner = (
  require: (name: string) => unknown,
  console: Pick<Console, 'log'>,
) => Promise<void>;

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => CellRunner;

export async function notebookCode(file: string): Promise<string> {
  const notebook = parse(await readFile(file, 'utf8'));
  const sources: string[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind === 'code' && (cell.lang === 'ts' || cell.lang === 'js'))
      sources.push(cell.source);
  }
  return sources.join('\n');
}

/** Runs a notebook under Node on WASM; returns what it printed, and its tensor balance. */
export async function runInNode(
  file: string,
  options: { playgradKernels: boolean },
): Promise<{ printed: string; leakedTensors: number }> {
  await tf.setBackend('wasm');
  await tf.ready();
  if (options.playgradKernels) registerWasmKernelFixes();
  const code = transform(await notebookCode(file), {
    transforms: ['typescript', 'imports'],
  }).code;
  const printed: string[] = [];
  // Of 'playgrad', only `text` (pure computation, no kernel context) runs outside the worker.
  const modules: Record<string, unknown> = {
    '@tensorflow/tfjs': tf,
    '@huggingface/transformers': localTransformers(),
    playgrad: { text },
  };
  const requireModule = (name: string): unknown => {
    if (!(name in modules))
      throw new Error(
        `Bench notebooks may import only tfjs, Transformers.js and text, not ${name}`,
      );
    return modules[name];
  };
  const before = tf.memory().numTensors;
  await new AsyncFunction('require', 'console', code)(requireModule, {
    log: (...parts: unknown[]) => printed.push(parts.map(String).join(' ')),
  });
  return { printed: printed.join('\n'), leakedTensors: tf.memory().numTensors - before };
}

/** Transformers.js reading the shipped models from disk, never from the hub. */
function localTransformers(): typeof transformers {
  const models = fileURLToPath(new URL('../public/models/', import.meta.url));
  transformers.env.allowRemoteModels = false;
  transformers.env.allowLocalModels = true;
  transformers.env.localModelPath = models.endsWith(path.sep) ? models : models + path.sep;
  return transformers;
}
