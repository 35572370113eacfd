/**
 * A least-squares regression tree, the weak learner of GradientBoosting: scikit-learn's
 * DecisionTreeRegressor(criterion='friedman_mse') as GradientBoostingClassifier/Regressor
 * grow it on the gradients.
 * - A split maximises Friedman's improvement nₗnᵣ/(nₗ+nᵣ)·(meanₗ − meanᵣ)², which is the
 *   squared-error decrease itself; the threshold is the midpoint between two distinct values;
 *   on an exact tie the first feature (lowest index) and the first cut win.
 * - Growth is depth-first on slices of per-feature sorted row lists, as ./tree-build.ts:
 *   the rows are sorted once for the whole ensemble (`sortRows`), each tree takes the rows
 *   of its subsample in that order, and a split partitions every list stably, so no node
 *   sorts. A node costs O(rows · features), a tree O(depth · rows · features).
 */

export interface RegressionTree {
  /** Split feature, or −1 for a leaf. */
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** The mean target of the node's rows (GradientBoosting may replace a leaf's value). */
  value: number[];
  /** Rows reaching the node. */
  samples: number[];
  /** Squared-error decrease of each feature's splits, summed and divided by the root's rows. */
  importance: Float64Array;
}

export interface GrowOptions {
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
}

/** A node whose variance is this small is a leaf (sklearn's EPSILON). */
const PURE = Number.EPSILON;
/** Values closer than this are one value (sklearn's FEATURE_THRESHOLD). */
const SAME_VALUE = 1e-7;

/** Each feature's row indices in increasing order of its values. */
export function sortRows(columns: readonly Float64Array[], nRows: number): Int32Array[] {
  const all = Int32Array.from({ length: nRows }, (_, i) => i);
  return columns.map((column) => all.slice().sort((a, b) => column[a] - column[b]));
}

/**
 * Grows a tree on the rows with `inBag[row] = 1`, fitting `target`.
 * @param leafOfRow filled with each in-bag row's leaf id (others untouched)
 */
export function growRegressionTree(
  columns: readonly Float64Array[],
  sorted: readonly Int32Array[],
  inBag: Uint8Array,
  target: Float64Array,
  options: GrowOptions,
  leafOfRow: Int32Array,
): RegressionTree {
  const nFeatures = columns.length;
  const tree: RegressionTree = {
    feature: [],
    threshold: [],
    left: [],
    right: [],
    value: [],
    samples: [],
    importance: new Float64Array(nFeatures),
  };
  // This tree's rows in each feature's order; a node owns the slice [start, end) of each.
  const lists = sorted.map((byFeature) => inBagInOrder(byFeature, inBag));
  const nRows = lists[0].length;
  const scratch = new Int32Array(nRows);
  const goesLeft = new Uint8Array(inBag.length);

  function bestSplit(start: number, end: number, sum: number) {
    let best = { feature: -1, threshold: 0, improvement: -Infinity, nLeft: 0 };
    const n = end - start;
    for (let f = 0; f < nFeatures; f++) {
      const column = columns[f];
      const list = lists[f];
      if (column[list[end - 1]] <= column[list[start]] + SAME_VALUE) continue;
      let sumLeft = 0;
      let next = column[list[start]];
      for (let i = start; i < end - 1; i++) {
        sumLeft += target[list[i]];
        const here = next;
        next = column[list[i + 1]];
        if (next <= here + SAME_VALUE) continue;
        const nLeft = i + 1 - start;
        const nRight = n - nLeft;
        if (nLeft < options.minSamplesLeaf || nRight < options.minSamplesLeaf) continue;
        const diff = nRight * sumLeft - nLeft * (sum - sumLeft);
        const improvement = (diff * diff) / (nLeft * nRight);
        if (improvement > best.improvement) {
          let threshold = here / 2 + next / 2;
          if (threshold === next || !Number.isFinite(threshold)) threshold = here;
          best = { feature: f, threshold, improvement, nLeft };
        }
      }
    }
    return best.feature < 0 ? null : best;
  }

  function partition(start: number, end: number, feature: number, threshold: number) {
    const column = columns[feature];
    for (let i = start; i < end; i++) {
      const row = lists[0][i];
      goesLeft[row] = column[row] <= threshold ? 1 : 0;
    }
    for (const list of lists) {
      let left = start;
      let right = 0;
      for (let i = start; i < end; i++) {
        const row = list[i];
        if (goesLeft[row]) list[left++] = row;
        else scratch[right++] = row;
      }
      list.set(scratch.subarray(0, right), left);
    }
  }

  /** Grows the node on [start, end) and returns its id and weighted impurity (n · variance). */
  function grow(start: number, end: number, depth: number): { id: number; cost: number } {
    const id = tree.feature.length;
    const n = end - start;
    let sum = 0;
    let squares = 0;
    for (let i = start; i < end; i++) {
      const t = target[lists[0][i]];
      sum += t;
      squares += t * t;
    }
    const variance = Math.max(0, squares / n - (sum / n) ** 2);
    tree.feature.push(-1);
    tree.threshold.push(NaN);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(sum / n);
    tree.samples.push(n);
    const mayGrow =
      depth < options.maxDepth &&
      n >= options.minSamplesSplit &&
      n >= 2 * options.minSamplesLeaf &&
      variance > PURE;
    const split = mayGrow ? bestSplit(start, end, sum) : null;
    if (split === null) {
      for (let i = start; i < end; i++) leafOfRow[lists[0][i]] = id;
      return { id, cost: n * variance };
    }
    partition(start, end, split.feature, split.threshold);
    tree.feature[id] = split.feature;
    tree.threshold[id] = split.threshold;
    const left = grow(start, start + split.nLeft, depth + 1);
    const right = grow(start + split.nLeft, end, depth + 1);
    tree.left[id] = left.id;
    tree.right[id] = right.id;
    tree.importance[split.feature] += (n * variance - left.cost - right.cost) / nRows;
    return { id, cost: n * variance };
  }

  grow(0, nRows, 0);
  return tree;
}

/** The rows with inBag[row] = 1, in the order of `byFeature` (a copy when all are in). */
function inBagInOrder(byFeature: Int32Array, inBag: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < inBag.length; i++) count += inBag[i];
  if (count === byFeature.length) return byFeature.slice();
  const out = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < byFeature.length; i++)
    if (inBag[byFeature[i]] === 1) out[at++] = byFeature[i];
  return out;
}

/** The leaf the row at `offset` of row-major `data` lands in. */
export function leafFor(tree: RegressionTree, data: Float64Array, offset: number): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    node =
      data[offset + tree.feature[node]] <= tree.threshold[node]
        ? tree.left[node]
        : tree.right[node];
  }
  return node;
}
