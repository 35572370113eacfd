/**
 * The top k eigenpairs of a large symmetric positive semi-definite matrix (a covariance of
 * hundreds of features) by block subspace iteration with Rayleigh–Ritz steps.
 *
 * Why not Jacobi on the whole matrix: a 784 × 784 eigendecomposition in plain JS takes
 * seconds (PERF-NOTES: 3.2 s with ml-matrix). Here the only large product, S·block, runs
 * on tfjs' backend; orthonormalising the block and the small Ritz problems stay in float64
 * JS. The block carries extra vectors (oversampling) so that the k-th pair converges at
 * the rate (λ_{b+1}/λ_k)^iteration, not (λ_{k+1}/λ_k)^iteration.
 */
import { orthonormalizeRows, symmetricEigen, type Eigen } from './linalg';
import { createRng } from './rng';
import { residentSymmetric } from './tf-ops';

/**
 * Iterations stop once no top-k Ritz value moves by more than this times the largest: the
 * products are float32, so Ritz values carry noise of ~1e-7 × the largest anyway.
 */
const RITZ_TOLERANCE = 1e-6;
const MAX_ITERATIONS = 300;
/** A Rayleigh–Ritz step (and the convergence check) every this many products. */
const RITZ_EVERY = 3;

export function topEigen(matrix: Float64Array, d: number, k: number, seed = 0): Eigen {
  const b = Math.min(d, Math.max(k + 16, 2 * k));
  const rng = createRng(seed);
  // The block is stored as b rows of length d: each vector contiguous, for the JS loops.
  let block: Float64Array = new Float64Array(b * d);
  for (let i = 0; i < block.length; i++) block[i] = rng.next() - 0.5;
  orthonormalizeRows(block, b, d);
  const resident = residentSymmetric(matrix, d);
  try {
    let previous: Float64Array | undefined;
    for (let iteration = 1; ; iteration++) {
      const product = resident.timesRows(block, b);
      const last = iteration === MAX_ITERATIONS;
      if (iteration % RITZ_EVERY !== 0 && !last) {
        block = product;
        orthonormalizeRows(block, b, d);
        continue;
      }
      // The Ritz vectors are orthonormal already: the next product continues from them.
      const ritz = rayleighRitz(block, product, b, d);
      block = ritz.block;
      const values = ritz.values.slice(0, k);
      if (last || (previous && converged(previous, values))) {
        const vectors = Array.from({ length: k }, (_, i) => block.slice(i * d, (i + 1) * d));
        return { values, vectors };
      }
      previous = values;
    }
  } finally {
    resident.dispose();
  }
}

function converged(previous: Float64Array, values: Float64Array): boolean {
  const scale = Math.abs(values[0]) || 1;
  return values.every((value, i) => Math.abs(value - previous[i]) <= RITZ_TOLERANCE * scale);
}

/**
 * With V orthonormal (rows) and P = V·S (rows S·v): T = V·Pᵀ = VᵀSV in the column view,
 * eigen-decompose the small T, and rotate V onto its eigenvectors (the Ritz vectors).
 */
function rayleighRitz(
  block: Float64Array,
  product: Float64Array,
  b: number,
  d: number,
): { block: Float64Array; values: Float64Array } {
  const t = new Float64Array(b * b);
  for (let i = 0; i < b; i++) {
    const vi = block.subarray(i * d, (i + 1) * d);
    for (let j = 0; j < b; j++) {
      const pj = product.subarray(j * d, (j + 1) * d);
      let dot = 0;
      for (let r = 0; r < d; r++) dot += vi[r] * pj[r];
      t[i * b + j] = dot;
    }
  }
  // The product was computed in float32, so T is symmetric only up to rounding: use
  // (T + Tᵀ)/2, the symmetric matrix nearest to it.
  for (let i = 0; i < b; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (t[i * b + j] + t[j * b + i]) / 2;
      t[i * b + j] = mean;
      t[j * b + i] = mean;
    }
  }
  const eigen = symmetricEigen(t, b);
  const rotated = new Float64Array(b * d);
  for (let i = 0; i < b; i++) {
    const w = eigen.vectors[i];
    const out = rotated.subarray(i * d, (i + 1) * d);
    for (let j = 0; j < b; j++) {
      const weight = w[j];
      if (weight === 0) continue;
      const row = block.subarray(j * d, (j + 1) * d);
      for (let r = 0; r < d; r++) out[r] += weight * row[r];
    }
  }
  return { block: rotated, values: eigen.values };
}
