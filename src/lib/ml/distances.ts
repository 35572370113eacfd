/**
 * Pairwise Euclidean distances kept as scipy's condensed matrix: the upper triangle, row
 * by row, n(n − 1)/2 numbers, so the pair (i, j) with i < j sits at condensedIndex(n, i, j).
 */
import type { DenseMatrix } from './input';

/** Where the pair (i, j), i ≠ j, sits in a condensed matrix of n rows. */
export function condensedIndex(n: number, i: number, j: number): number {
  // No destructuring swap: this runs n² times, and an array per call is most of the cost.
  const low = i < j ? i : j;
  const high = i < j ? j : i;
  return n * low - (low * (low + 1)) / 2 + (high - low - 1);
}

export function condensedDistances(data: DenseMatrix): Float64Array {
  const { rows: n, cols: d, data: values } = data;
  const out = new Float64Array((n * (n - 1)) / 2);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) out[at++] = euclidean(values, i * d, j * d, d);
  }
  return out;
}

/** The distance between the rows starting at offsets a and b of a row-major matrix. */
export function euclidean(values: Float64Array, a: number, b: number, d: number): number {
  let sum = 0;
  for (let k = 0; k < d; k++) {
    const diff = values[a + k] - values[b + k];
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}
