/**
 * `ml.agglomerative`: hierarchical clustering, bottom up. Every row starts as its own
 * cluster and the two closest clusters merge, n − 1 times, until one is left. The merges
 * come back in scipy's linkage-matrix shape, so a learner can compare them with
 * `scipy.cluster.hierarchy.linkage` row by row, and `plot.dendrogram` can draw them.
 *
 * The algorithms are scipy's own: the nearest-neighbour chain with Lance–Williams updates
 * for 'ward', 'complete' and 'average', and Prim's minimum spanning tree for 'single'; both
 * O(n²) time over a condensed distance matrix (n(n − 1)/2 float64s, hence MAX_ROWS). The
 * merges are then sorted by distance (stably) and renumbered with scipy's union–find, so
 * cluster n + i is the one formed by merge i.
 */
import { toDense, type DenseMatrix, type MatrixInput } from './input';
import { condensedDistances, condensedIndex } from './distances';

export type Linkage = 'ward' | 'complete' | 'average' | 'single';

export interface AgglomerativeOptions {
  /** How the distance between two clusters is measured. Default 'ward'. */
  linkage?: Linkage;
  /** How many clusters `labels` cuts the tree into. Default 2. */
  nClusters?: number;
}

export interface Agglomerative {
  /**
   * n − 1 rows `[a, b, distance, size]`, as scipy's linkage matrix: merge i joins clusters
   * a and b (ids below n are rows of X; id n + k is the cluster merge k made) at that
   * distance into a cluster of `size` rows.
   */
  merges: [number, number, number, number][];
  /** The cluster (0 … nClusters − 1, numbered in order of first row) of each row. */
  labels: number[];
  linkage: Linkage;
  nClusters: number;
}

/** Above this many rows the condensed distance matrix would pass 100 MB. */
export const MAX_ROWS = 5000;

const LINKAGES: readonly Linkage[] = ['ward', 'complete', 'average', 'single'];

/**
 * @example
 * const tree = ml.agglomerative(X, { linkage: 'ward', nClusters: 3 })
 * tree.labels            // cluster of each row
 * plot.dendrogram(tree)  // the merges, drawn
 */
export function agglomerative(X: MatrixInput, options: AgglomerativeOptions = {}): Agglomerative {
  const data = toDense(X, 'X');
  const linkage = options.linkage ?? 'ward';
  const nClusters = options.nClusters ?? 2;
  if (!LINKAGES.includes(linkage)) {
    throw new RangeError(`linkage must be one of ${LINKAGES.join(', ')}; got ${String(linkage)}`);
  }
  if (data.rows < 2) throw new RangeError('agglomerative needs at least 2 rows of X, got 1');
  if (data.rows > MAX_ROWS) {
    throw new RangeError(
      `agglomerative keeps all pairwise distances, so X may have at most ${MAX_ROWS} rows ` +
        `(got ${data.rows}); cluster a sample, or use ml.kmeans`,
    );
  }
  if (!Number.isInteger(nClusters) || nClusters < 1 || nClusters > data.rows) {
    throw new RangeError(
      `nClusters must be a whole number from 1 to ${data.rows} (the rows of X), got ${nClusters}`,
    );
  }
  const raw = linkage === 'single' ? primSingle(data) : nearestNeighbourChain(data, linkage);
  const merges = relabel(sortByDistance(raw), data.rows);
  return { merges, labels: cutTree(merges, data.rows, nClusters), linkage, nClusters };
}

/**
 * The cluster of each row when the tree is cut into k clusters: the first n − k merges are
 * replayed. Clusters are numbered 0, 1, … in order of their first row.
 */
export function cutTree(merges: readonly (readonly number[])[], n: number, k: number): number[] {
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let i = 0; i < n - k; i++) {
    parent[find(merges[i][0])] = n + i;
    parent[find(merges[i][1])] = n + i;
  }
  const names = new Map<number, number>();
  return Array.from({ length: n }, (_, row) => {
    const root = find(row);
    if (!names.has(root)) names.set(root, names.size);
    return names.get(root) as number;
  });
}

type RawMerge = [number, number, number];

/** scipy's nn_chain: follow nearest neighbours until two clusters are each other's nearest. */
function nearestNeighbourChain(data: DenseMatrix, linkage: Linkage): RawMerge[] {
  const n = data.rows;
  const D = condensedDistances(data);
  const size = new Float64Array(n).fill(1);
  const chain = new Int32Array(n);
  let chainLength = 0;
  const merges: RawMerge[] = [];
  for (let k = 0; k < n - 1; k++) {
    if (chainLength === 0) {
      chain[0] = size.findIndex((s) => s > 0);
      chainLength = 1;
    }
    let x = 0;
    let y = 0;
    let currentMin = Infinity;
    for (;;) {
      x = chain[chainLength - 1];
      if (chainLength > 1) {
        y = chain[chainLength - 2];
        currentMin = D[condensedIndex(n, x, y)];
      } else currentMin = Infinity;
      for (let i = 0; i < n; i++) {
        if (size[i] === 0 || i === x) continue;
        const dist = D[condensedIndex(n, x, i)];
        if (dist < currentMin) {
          currentMin = dist;
          y = i;
        }
      }
      if (chainLength > 1 && y === chain[chainLength - 2]) break;
      chain[chainLength++] = y;
    }
    chainLength -= 2;
    if (x > y) [x, y] = [y, x];
    const nx = size[x];
    const ny = size[y];
    merges.push([x, y, currentMin]);
    size[x] = 0;
    size[y] = nx + ny;
    for (let i = 0; i < n; i++) {
      const ni = size[i];
      if (ni === 0 || i === y) continue;
      const at = condensedIndex(n, i, y);
      D[at] = lanceWilliams(linkage, D[condensedIndex(n, i, x)], D[at], currentMin, nx, ny, ni);
    }
  }
  return merges;
}

/** The distance from cluster i to the union of x and y, from the distances before the merge. */
function lanceWilliams(
  linkage: Linkage,
  dxi: number,
  dyi: number,
  dxy: number,
  nx: number,
  ny: number,
  ni: number,
): number {
  if (linkage === 'complete') return Math.max(dxi, dyi);
  if (linkage === 'average') return (nx * dxi + ny * dyi) / (nx + ny);
  if (linkage === 'single') return Math.min(dxi, dyi);
  const t = 1 / (nx + ny + ni);
  return Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
}

/** scipy's mst_single_linkage: Prim's algorithm, each new edge is a single-linkage merge. */
function primSingle(data: DenseMatrix): RawMerge[] {
  const n = data.rows;
  const D = condensedDistances(data);
  const merged = new Uint8Array(n);
  const nearest = new Float64Array(n).fill(Infinity);
  const merges: RawMerge[] = [];
  let x = 0;
  for (let k = 0; k < n - 1; k++) {
    let currentMin = Infinity;
    let y = -1;
    merged[x] = 1;
    for (let i = 0; i < n; i++) {
      if (merged[i]) continue;
      const dist = D[condensedIndex(n, x, i)];
      if (nearest[i] > dist) nearest[i] = dist;
      if (nearest[i] < currentMin) {
        y = i;
        currentMin = nearest[i];
      }
    }
    merges.push([x, y, currentMin]);
    x = y;
  }
  return merges;
}

/** Stable sort by distance (a merge sort, as scipy's `argsort(kind='mergesort')`). */
function sortByDistance(merges: RawMerge[]): RawMerge[] {
  return merges
    .map((merge, i) => ({ merge, i }))
    .sort((a, b) => a.merge[2] - b.merge[2] || a.i - b.i)
    .map(({ merge }) => merge);
}

/** scipy's `label`: rows become cluster ids (n + i for merge i), smaller id first, sizes. */
function relabel(merges: RawMerge[], n: number): [number, number, number, number][] {
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const size = new Float64Array(2 * n - 1).fill(1);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) {
      const up = parent[x];
      parent[x] = root;
      x = up;
    }
    return root;
  };
  return merges.map(([x, y, distance], i) => {
    const a = find(x);
    const b = find(y);
    const next = n + i;
    parent[a] = parent[b] = next;
    size[next] = size[a] + size[b];
    return [Math.min(a, b), Math.max(a, b), distance, size[next]];
  });
}
