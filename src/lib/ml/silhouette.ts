/**
 * `ml.silhouette`: how well each row sits in its cluster, from −1 (closer to another
 * cluster) to 1 (deep inside its own). For row i, a is its mean Euclidean distance to the
 * other rows of its cluster and b the smallest mean distance to the rows of another
 * cluster; s = (b − a) / max(a, b). As scikit-learn's `silhouette_samples`, a row alone in
 * its cluster scores 0, and the mean is `silhouette_score`.
 *
 * O(n² · features) time, O(n · clusters) memory: distances are computed as they are needed.
 */
import { euclidean } from './distances';
import { toDense, toLabels, type LabelsInput, type MatrixInput } from './input';

export interface Silhouette {
  /** The mean of `samples`: one number for the whole clustering. */
  mean: number;
  /** Each row's silhouette, in row order. */
  samples: number[];
}

/**
 * @example
 * const { labels } = ml.kmeans(X, 3)
 * ml.silhouette(X, labels).mean   // higher is better separated
 */
export function silhouette(X: MatrixInput, labels: LabelsInput): Silhouette {
  const data = toDense(X, 'X');
  const given = toLabels(labels, 'labels');
  const n = data.rows;
  if (given.length !== n) {
    throw new RangeError(`X has ${n} rows but labels has ${given.length}: give one label per row`);
  }
  const ids = new Map<string | number, number>();
  const cluster = Int32Array.from(given, (label) => {
    if (!ids.has(label)) ids.set(label, ids.size);
    return ids.get(label) as number;
  });
  const k = ids.size;
  if (k < 2 || k > n - 1) {
    throw new RangeError(
      `silhouette needs from 2 to ${n - 1} clusters (rows − 1), got ${k}: ` +
        (k < 2 ? 'every row is in one cluster' : 'every row is its own cluster'),
    );
  }
  const counts = new Float64Array(k);
  for (const c of cluster) counts[c]++;
  const sums = new Float64Array(k);
  const samples = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j !== i)
        sums[cluster[j]] += euclidean(data.data, i * data.cols, j * data.cols, data.cols);
    }
    const own = cluster[i];
    if (counts[own] === 1) {
      samples[i] = 0;
      continue;
    }
    const a = sums[own] / (counts[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, sums[c] / counts[c]);
    const scale = Math.max(a, b);
    samples[i] = scale === 0 ? 0 : (b - a) / scale;
  }
  return { mean: samples.reduce((s, v) => s + v, 0) / n, samples };
}
