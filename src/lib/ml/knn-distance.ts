/**
 * The distances KNeighbors measures, from one query row to every training row, as
 * scikit-learn defines them: euclidean √Σ(a−b)², manhattan Σ|a−b|, cosine 1 − a·b/(‖a‖‖b‖)
 * (a zero row has cosine distance 1 to everything, as sklearn's normalize leaves it 0).
 */
import type { DenseMatrix } from './input';

export type Metric = 'euclidean' | 'manhattan' | 'cosine';

/** A function from a query row to its distance to each training row. */
export function distanceTo(
  train: DenseMatrix,
  metric: Metric,
): (query: Float64Array) => Float64Array {
  const { rows, cols, data } = train;
  const out = new Float64Array(rows);
  if (metric === 'cosine') {
    const norms = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += data[r * cols + j] ** 2;
      norms[r] = Math.sqrt(sum);
    }
    return (query) => {
      let queryNorm = 0;
      for (let j = 0; j < cols; j++) queryNorm += query[j] ** 2;
      queryNorm = Math.sqrt(queryNorm);
      for (let r = 0; r < rows; r++) {
        let dot = 0;
        for (let j = 0; j < cols; j++) dot += data[r * cols + j] * query[j];
        const scale = norms[r] * queryNorm;
        out[r] = 1 - (scale > 0 ? dot / scale : 0);
      }
      return out;
    };
  }
  const manhattan = metric === 'manhattan';
  return (query) => {
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      const offset = r * cols;
      for (let j = 0; j < cols; j++) {
        const diff = data[offset + j] - query[j];
        sum += manhattan ? Math.abs(diff) : diff * diff;
      }
      out[r] = manhattan ? sum : Math.sqrt(sum);
    }
    return out;
  };
}
