/**
 * The value of a coalition of features for one row, interventional style: the features in
 * the coalition take the row's values, the others take a background row's, and the model's
 * outputs are averaged over the background rows. v(all) is the row's prediction and v(none)
 * the mean background prediction, the baseline Shapley values are measured from.
 */
import type { Rows } from './model-output';

/** Rows sent to the model per call: large batches are fast, but bounded in memory. */
const BATCH_ROWS = 65_536;

/** v(S) for each mask (mask[j] = 1 when feature j is in the coalition). */
export function coalitionValues(
  f: (X: Rows) => number[],
  x: readonly number[],
  background: Rows,
  masks: readonly Uint8Array[],
): Float64Array {
  const values = new Float64Array(masks.length);
  const perMask = background.length;
  const masksPerBatch = Math.max(1, Math.floor(BATCH_ROWS / perMask));
  for (let start = 0; start < masks.length; start += masksPerBatch) {
    const end = Math.min(masks.length, start + masksPerBatch);
    const batch: Rows = [];
    for (let m = start; m < end; m++) {
      const mask = masks[m];
      for (const row of background) batch.push(row.map((value, j) => (mask[j] ? x[j] : value)));
    }
    const outputs = f(batch);
    for (let m = start; m < end; m++) {
      let sum = 0;
      for (let b = 0; b < perMask; b++) sum += outputs[(m - start) * perMask + b];
      values[m] = sum / perMask;
    }
  }
  return values;
}

/** C(n, k) as a float (exact for the sizes used here). */
export function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
