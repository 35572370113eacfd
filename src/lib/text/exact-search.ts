/**
 * Exact (brute-force) nearest neighbours: the scores of a batch of queries against every
 * stored vector are one matrix product, Q·Xᵀ, computed over the contiguous Float32Array
 * and fed straight into a top-k heap per query (no score matrix, no sort).
 *
 * The product is blocked for the cache: four queries at a time walk the rows of X once, so
 * each stored vector is loaded once per four queries and the four dot products share it.
 */
import { TopK } from './top-k';

/**
 * Which rows may be returned: 1 yes, 0 no (removed, or rejected by a filter); null when
 * every row may (no filter, nothing removed), which spares a pass over all rows per search.
 */
export type RowMask = Uint8Array | null;

const GROUP = 4;

/**
 * The k best rows for each of the m queries (queries: m × dim, row-major), by dot product.
 * `allowed` has one entry per stored row.
 */
export function exactSearch(
  data: Float32Array,
  rows: number,
  dim: number,
  queries: Float32Array,
  m: number,
  k: number,
  allowed: RowMask,
): TopK[] {
  const heaps = Array.from({ length: m }, () => new TopK(k));
  for (let g = 0; g < m; g += GROUP) {
    const n = Math.min(GROUP, m - g);
    // Pad the last group by repeating a query: the loop stays branch-free, extras are ignored.
    const q0 = g * dim;
    const q1 = (g + Math.min(1, n - 1)) * dim;
    const q2 = (g + Math.min(2, n - 1)) * dim;
    const q3 = (g + Math.min(3, n - 1)) * dim;
    const h0 = heaps[g];
    const h1 = heaps[g + Math.min(1, n - 1)];
    const h2 = heaps[g + Math.min(2, n - 1)];
    const h3 = heaps[g + Math.min(3, n - 1)];
    for (let r = 0; r < rows; r++) {
      if (allowed !== null && allowed[r] === 0) continue;
      const x = r * dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let d = 0; d < dim; d++) {
        const v = data[x + d];
        s0 += queries[q0 + d] * v;
        s1 += queries[q1 + d] * v;
        s2 += queries[q2 + d] * v;
        s3 += queries[q3 + d] * v;
      }
      if (s0 > h0.threshold) h0.push(s0, r);
      if (n > 1 && s1 > h1.threshold) h1.push(s1, r);
      if (n > 2 && s2 > h2.threshold) h2.push(s2, r);
      if (n > 3 && s3 > h3.threshold) h3.push(s3, r);
    }
  }
  return heaps;
}
