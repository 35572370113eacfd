/**
 * Exact search scores as one tfjs matMul on the kernel's backend. In the worker, tfjs-wasm
 * multiplies at ~40 GFLOP/s against ~1.5 for the plain loop of ./exact-search.ts, so large
 * batches come here. The product is X·Qᵀ (rows × m): X is uploaded as stored, row-major,
 * and only the small Qᵀ is transposed, because tfjs-wasm's matMul with a transposed operand
 * is 10–15× slower (PERF-NOTES). Every tensor is disposed before returning.
 */
import * as tf from '@tensorflow/tfjs';

// Below this many multiply-adds the upload of X costs more than the loop saves.
const TFJS_MIN_WORK = 20_000_000;

/** Whether exact search should use tfjs for this batch. */
export function useTfjsFor(
  engine: 'auto' | 'js' | 'tfjs',
  rows: number,
  m: number,
  dim: number,
): boolean {
  if (engine !== 'auto') return engine === 'tfjs';
  return tf.getBackend() !== 'cpu' && rows * m * dim >= TFJS_MIN_WORK;
}

/** Scores of m queries (m × dim) against the first `rows` stored vectors: rows × m. */
export function exactScoresTf(
  data: Float32Array,
  rows: number,
  dim: number,
  queries: Float32Array,
  m: number,
): Float32Array {
  const transposed = new Float32Array(dim * m);
  for (let q = 0; q < m; q++)
    for (let d = 0; d < dim; d++) transposed[d * m + q] = queries[q * dim + d];
  const product = tf.tidy(() =>
    tf.matMul(
      tf.tensor2d(data.subarray(0, rows * dim), [rows, dim]),
      tf.tensor2d(transposed, [dim, m]),
    ),
  );
  const scores = product.dataSync() as Float32Array;
  product.dispose();
  return scores;
}
