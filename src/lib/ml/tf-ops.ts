/**
 * The few large products `ml` hands to tfjs, which runs them on the kernel's backend
 * (WASM SIMD here, ~40 GFLOP/s, against ~1 in plain JS loops). Inputs and outputs are
 * float64 arrays; tfjs computes in float32 (relative error ~1e-6, ample for PCA and
 * distances). Operands are transposed explicitly: tfjs-wasm's matMul with transposeA/B is
 * 10–15× slower (PERF-NOTES). Every tensor made here is disposed before returning.
 */
import * as tf from '@tensorflow/tfjs';
import type { DenseMatrix } from './input';

/** XᵀX / divisor for a centred X, d × d. */
export function scatterMatrixTf(X: DenseMatrix, divisor: number): Float64Array {
  const result = tf.tidy(() => {
    const x = tf.tensor2d(Float32Array.from(X.data), [X.rows, X.cols]);
    return tf.matMul(tf.transpose(x), x).div(divisor);
  });
  const data = Float64Array.from(result.dataSync());
  result.dispose();
  return data;
}

/** A (r × m) · B (m × c) on the backend. */
export function multiplyTf(
  a: Float64Array,
  b: Float64Array,
  r: number,
  m: number,
  c: number,
): Float64Array {
  const result = tf.tidy(() =>
    tf.matMul(tf.tensor2d(Float32Array.from(a), [r, m]), tf.tensor2d(Float32Array.from(b), [m, c])),
  );
  const data = Float64Array.from(result.dataSync());
  result.dispose();
  return data;
}

/**
 * A symmetric d × d matrix kept on the backend, multiplied many times by small blocks:
 * uploading it once saves d² copies per product.
 */
export interface ResidentSymmetric {
  /** Rows of the result are S·v for each row v of the b × d block (S is symmetric). */
  timesRows(block: Float64Array, b: number): Float64Array;
  dispose(): void;
}

export function residentSymmetric(matrix: Float64Array, d: number): ResidentSymmetric {
  const s = tf.tensor2d(Float32Array.from(matrix), [d, d]);
  return {
    timesRows(block, b) {
      // (S·Vᵀ)ᵀ = V·S because S = Sᵀ: one plain matMul, no transpose.
      const product = tf.tidy(() => tf.matMul(tf.tensor2d(Float32Array.from(block), [b, d]), s));
      const data = Float64Array.from(product.dataSync());
      product.dispose();
      return data;
    },
    dispose: () => s.dispose(),
  };
}
