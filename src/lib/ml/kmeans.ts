/**
 * `ml.kmeans`: Lloyd's algorithm from k-means++ starts, the best of `nInit` runs kept
 * (lowest inertia), as scikit-learn's `KMeans` (greedy k-means++ with 2 + ⌊ln k⌋ candidate
 * centres per step, tolerance 1e-4 × the mean feature variance, empty clusters moved to the
 * points farthest from their centre).
 *
 * The nearest-centre search, n·k·d multiply-adds per pass, runs in float64 JS loops while
 * that is small; above, it runs as a tfjs matMul (./kmeans-assign.ts says when).
 */
import { toDense, type DenseMatrix, type MatrixInput } from './input';
import { createNearest, type Nearest } from './kmeans-assign';
import { createRng, type Rng } from './rng';

export interface KMeansOptions {
  /** Default 0. */
  seed?: number;
  /** Independent starts; the one with the lowest inertia wins. Default 10. */
  nInit?: number;
  /** Lloyd iterations per start. Default 300. */
  maxIter?: number;
  /** Stop when centres move less than tol × the mean feature variance. Default 1e-4. */
  tol?: number;
}

export interface KMeans {
  /** The cluster (0 … k − 1) of each row. */
  labels: number[];
  /** k rows: the mean of each cluster's points. */
  centroids: number[][];
  /** Sum of squared distances from each row to its centroid (lower is tighter). */
  inertia: number;
  /** Lloyd iterations the winning start took. */
  iterations: number;
}

/**
 * @example
 * const { labels, centroids, inertia } = ml.kmeans(X, 3)
 */
export function kmeans(X: MatrixInput, k: number, options: KMeansOptions = {}): KMeans {
  const data = toDense(X, 'X');
  const { seed = 0, nInit = 10, maxIter = 300, tol = 1e-4 } = options;
  if (!Number.isInteger(k) || k < 1 || k > data.rows) {
    throw new RangeError(`kmeans(X, k): k must be a whole number from 1 to ${data.rows}, got ${k}`);
  }
  if (!Number.isInteger(nInit) || nInit < 1)
    throw new RangeError(`nInit must be 1 or more, got ${nInit}`);
  if (!Number.isInteger(maxIter) || maxIter < 1)
    throw new RangeError(`maxIter must be 1 or more, got ${maxIter}`);
  const rng = createRng(seed);
  const threshold = tol * meanFeatureVariance(data);
  const nearest = createNearest(data, k);
  try {
    let best: Run | undefined;
    for (let start = 0; start < nInit; start++) {
      const run = lloyd(data, kmeansPlusPlus(data, k, rng), nearest, maxIter, threshold);
      if (!best || run.inertia < best.inertia) best = run;
    }
    const winner = best as Run;
    const centroids = Array.from({ length: k }, (_, c) =>
      Array.from(winner.centers.subarray(c * data.cols, (c + 1) * data.cols)),
    );
    return {
      labels: Array.from(winner.labels),
      centroids,
      inertia: winner.inertia,
      iterations: winner.iterations,
    };
  } finally {
    nearest.dispose();
  }
}

interface Run {
  labels: Int32Array;
  centers: Float64Array;
  inertia: number;
  iterations: number;
}

function lloyd(
  data: DenseMatrix,
  start: Float64Array,
  nearest: Nearest,
  maxIter: number,
  threshold: number,
): Run {
  const { rows: n, cols: d } = data;
  const k = start.length / d;
  let centers = start;
  let labels: Int32Array = new Int32Array(n).fill(-1);
  let iterations = 0;
  let assigned = nearest(centers);
  for (let iteration = 1; iteration <= maxIter; iteration++) {
    iterations = iteration;
    const next = clusterMeans(data, assigned.labels, assigned.distances, k);
    const unchanged = assigned.labels.every((label, i) => label === labels[i]);
    labels = assigned.labels;
    let shift = 0;
    for (let i = 0; i < next.length; i++) shift += (next[i] - centers[i]) ** 2;
    centers = next;
    assigned = nearest(centers);
    if (unchanged || shift <= threshold) break;
  }
  // Labels and inertia always describe the returned centres. The inertia is summed here in
  // float64 from the data, whichever way the nearest centres were found.
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const row = i * d;
    const at = assigned.labels[i] * d;
    for (let j = 0; j < d; j++) inertia += (data.data[row + j] - centers[at + j]) ** 2;
  }
  return { labels: assigned.labels, centers, inertia, iterations };
}

/**
 * The mean of each cluster's rows. A cluster left empty takes the row farthest from its
 * current centre (that row's distance is then zeroed so two empty clusters differ).
 */
function clusterMeans(
  data: DenseMatrix,
  labels: Int32Array,
  distances: Float64Array,
  k: number,
): Float64Array {
  const { rows: n, cols: d } = data;
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c] += 1;
    const row = i * d;
    const at = c * d;
    for (let j = 0; j < d; j++) sums[at + j] += data.data[row + j];
  }
  const far = Float64Array.from(distances);
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) {
      for (let j = 0; j < d; j++) sums[c * d + j] /= counts[c];
      continue;
    }
    let farthest = 0;
    for (let i = 1; i < n; i++) if (far[i] > far[farthest]) farthest = i;
    far[farthest] = 0;
    sums.set(data.data.subarray(farthest * d, (farthest + 1) * d), c * d);
  }
  return sums;
}

/** Greedy k-means++ (Arthur & Vassilvitskii 2007), as scikit-learn's `_kmeans_plusplus`. */
function kmeansPlusPlus(data: DenseMatrix, k: number, rng: Rng): Float64Array {
  const { rows: n, cols: d } = data;
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = rng.int(n);
  centers.set(data.data.subarray(first * d, (first + 1) * d), 0);
  let closest = distancesTo(data, first);
  let potential = sum(closest);
  for (let c = 1; c < k; c++) {
    let bestPotential = Infinity;
    let bestCandidate = 0;
    let bestDistances = closest;
    for (let t = 0; t < trials; t++) {
      const candidate = sampleProportional(closest, rng.next() * potential);
      const candidateDistances = distancesTo(data, candidate);
      for (let i = 0; i < n; i++) {
        if (closest[i] < candidateDistances[i]) candidateDistances[i] = closest[i];
      }
      const candidatePotential = sum(candidateDistances);
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestCandidate = candidate;
        bestDistances = candidateDistances;
      }
    }
    centers.set(data.data.subarray(bestCandidate * d, (bestCandidate + 1) * d), c * d);
    closest = bestDistances;
    potential = bestPotential;
  }
  return centers;
}

/** The first index whose running total of `weights` exceeds `target`. */
function sampleProportional(weights: Float64Array, target: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i];
    if (total > target) return i;
  }
  // All weights zero (every row coincides with a centre) or rounding at the very end.
  return weights.length - 1;
}

function distancesTo(data: DenseMatrix, index: number): Float64Array {
  const { rows: n, cols: d } = data;
  const out = new Float64Array(n);
  const x = data.data;
  const at = index * d;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * d;
    for (let j = 0; j < d; j++) {
      const diff = x[row + j] - x[at + j];
      s += diff * diff;
    }
    out[i] = s;
  }
  return out;
}

function meanFeatureVariance(data: DenseMatrix): number {
  const { rows: n, cols: d } = data;
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data.data[i * d + j];
    mean /= n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (data.data[i * d + j] - mean) ** 2;
    total += squares / n;
  }
  return total / d;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
