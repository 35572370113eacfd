/**
 * Starting one tfjs backend and measuring how fast it multiplies matrices.
 *
 * The measurement is a 256×256 matmul (2·256³ ≈ 33.6 MFLOP): one warm-up (shader
 * compilation, WASM tiering), then repetitions until a small time budget is spent, each
 * read back with `await data()` so that asynchronous backends are timed to completion.
 */
import * as tf from '@tensorflow/tfjs';
import type { Backend } from '../protocol/messages';

/** `setBackend` can hang (threaded WASM in a minified build, a lost GPU): never wait longer. */
export const SET_BACKEND_TIMEOUT_MS = 8000;
const MATMUL_SIZE = 256;
/** Time spent timing repetitions, per backend, after the warm-up. */
const MEASURE_BUDGET_MS = 150;
const MIN_REPETITIONS = 2;
/** WASM compiles in tiers and WebGL compiles shaders: the first runs are not representative. */
const WARM_UP_REPETITIONS = 3;
const MAX_REPETITIONS = 30;

/** Switches tfjs to `backend`; throws with the reason when it cannot. */
export async function activateBackend(backend: Backend): Promise<void> {
  if (backend === 'webgpu') await requireWebGpuAdapter();
  const ok = await withTimeout(
    tf.setBackend(backend),
    SET_BACKEND_TIMEOUT_MS,
    `${backend} did not initialise within ${SET_BACKEND_TIMEOUT_MS / 1000} s`,
  );
  if (!ok) throw new Error(`${backend} failed to initialise`);
  await tf.ready();
}

/** GFLOP/s of the current backend on a 256×256 matmul. */
export async function measureMatmul(): Promise<number> {
  const [a, b] = tf.tidy(() => [
    tf.randomUniform([MATMUL_SIZE, MATMUL_SIZE]),
    tf.randomUniform([MATMUL_SIZE, MATMUL_SIZE]),
  ]);
  try {
    for (let warmUp = 0; warmUp < WARM_UP_REPETITIONS; warmUp += 1) await multiplyOnce(a, b);
    let repetitions = 0;
    const start = performance.now();
    while (
      repetitions < MIN_REPETITIONS ||
      (performance.now() - start < MEASURE_BUDGET_MS && repetitions < MAX_REPETITIONS)
    ) {
      await multiplyOnce(a, b);
      repetitions += 1;
    }
    const seconds = (performance.now() - start) / 1000;
    const flops = 2 * MATMUL_SIZE ** 3 * repetitions;
    return flops / seconds / 1e9;
  } finally {
    a.dispose();
    b.dispose();
  }
}

async function multiplyOnce(a: tf.Tensor, b: tf.Tensor): Promise<void> {
  const product = tf.matMul(a, b);
  try {
    await product.data();
  } finally {
    product.dispose();
  }
}

/** WebGPU needs an adapter; headless browsers without a GPU have none (skip quickly). */
async function requireWebGpuAdapter(): Promise<void> {
  const gpu: unknown = Reflect.get(navigator, 'gpu');
  if (typeof gpu !== 'object' || gpu === null) throw new Error('WebGPU is not available here');
  const requestAdapter: unknown = Reflect.get(gpu, 'requestAdapter');
  if (typeof requestAdapter !== 'function') throw new Error('WebGPU is not available here');
  const adapter: unknown = await withTimeout(
    Promise.resolve(Reflect.apply(requestAdapter, gpu, [])),
    SET_BACKEND_TIMEOUT_MS,
    'WebGPU adapter request timed out',
  );
  if (!adapter) throw new Error('no WebGPU adapter (no GPU or GPU blocked)');
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
