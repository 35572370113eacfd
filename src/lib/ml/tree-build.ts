/**
 * CART growth: the greedy, depth-first split search shared by DecisionTree and
 * RandomForest. It follows scikit-learn's BestSplitter so the splits can be compared:
 * - each feature's rows are sorted once for the whole tree; at a node, every cut between two
 *   distinct values of a candidate feature is scored in one sweep over its sorted rows
 *   (O(n) per feature and node, not O(n²));
 * - the threshold is the midpoint between the two values, rows with x <= threshold go left;
 * - the best cut minimises the weighted child impurity; on an exact tie the first feature
 *   (lowest index, or first drawn) wins;
 * - weights (class weights × bootstrap counts) enter every count, like sklearn's
 *   sample_weight; `samples` counts rows.
 */
import type { FeatureColumns } from './tree-input';

export type Criterion = 'gini' | 'entropy';

export interface GrowSettings {
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  criterion: Criterion;
  /** How many features to try per node (all of them for a plain tree). */
  maxFeatures: number;
  /** Draws the features to try when maxFeatures < nFeatures. */
  random: () => number;
}

/** A fitted tree as parallel arrays indexed by node id (pre-order, root = 0). */
export interface GrownTree {
  nClasses: number;
  /** Split feature, or -1 for a leaf. */
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  impurity: number[];
  /** Training rows reaching the node. */
  samples: number[];
  /** Weighted count of each class at the node. */
  value: number[][];
  /** Total impurity decrease per feature, weighted, not normalised. */
  impurityDecrease: number[];
  depth: number;
}

/** Values closer than this count as equal (sklearn's FEATURE_THRESHOLD). */
const SAME_VALUE = 1e-7;
/** A node this pure is a leaf (sklearn's EPSILON). */
const PURE = Number.EPSILON;

/** Weighted count × impurity: lets the sweep compare children without dividing. */
function weightedImpurity(counts: ArrayLike<number>, total: number, criterion: Criterion) {
  if (total <= 0) return 0;
  let sum = 0;
  if (criterion === 'gini') {
    for (let k = 0; k < counts.length; k++) sum += counts[k] * counts[k];
    return total - sum / total;
  }
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] > 0) sum -= counts[k] * Math.log2(counts[k] / total);
  }
  return sum;
}

interface Split {
  feature: number;
  threshold: number;
  /** Weighted count × impurity of left + right (lower is better). */
  childCost: number;
  /** Rows going left. */
  nLeft: number;
}

/**
 * Grows a tree on the rows with a positive weight.
 * @param classIndex each row's class, 0 … nClasses − 1
 * @param weights each row's weight (0 leaves the row out)
 * @param presorted sortRowsByFeature(data), when many trees grow on the same data
 */
export function growTree(
  data: FeatureColumns,
  classIndex: Int32Array,
  nClasses: number,
  weights: Float64Array,
  settings: GrowSettings,
  presorted?: readonly Int32Array[],
): GrownTree {
  const tree: GrownTree = {
    nClasses,
    feature: [],
    threshold: [],
    left: [],
    right: [],
    impurity: [],
    samples: [],
    value: [],
    impurityDecrease: new Array<number>(data.nFeatures).fill(0),
    depth: 0,
  };
  const rows: number[] = [];
  for (let i = 0; i < data.nRows; i++) if (weights[i] > 0) rows.push(i);
  if (rows.length === 0) throw new RangeError('cannot fit a tree: no row has a positive weight');
  // Every feature's rows sorted once, up front. A node owns the same slice [start, end) of
  // each list; a split partitions the slices stably, so they stay sorted and no node sorts.
  const sortedBy = (presorted ?? sortRowsByFeature(data)).map((byFeature) =>
    byFeature.filter((row) => weights[row] > 0),
  );
  const goesLeft = new Uint8Array(data.nRows);
  const scratch = new Int32Array(rows.length);
  // Highest index first: on an exact tie the last feature wins. sklearn breaks ties at random;
  // this order reproduces its iris tree (petal width <= 0.8 at the root, random_state=0).
  const order = Int32Array.from(data.columns.map((_, j) => data.nFeatures - 1 - j));
  const leftCounts = new Float64Array(nClasses);
  const rightCounts = new Float64Array(nClasses);

  function bestSplit(start: number, end: number, counts: number[], total: number): Split | null {
    let best: Split | null = null;
    let tried = 0;
    for (let f = 0; f < order.length; f++) {
      if (tried >= settings.maxFeatures && best !== null) break;
      if (settings.maxFeatures < order.length) {
        // Partial Fisher–Yates: the next feature to try, drawn from those not yet tried.
        const pick = f + Math.floor(settings.random() * (order.length - f));
        [order[f], order[pick]] = [order[pick], order[f]];
      }
      const feature = order[f];
      const column = data.columns[feature];
      const sorted = sortedBy[feature];
      // A constant feature cannot split and does not count as tried (as in sklearn).
      if (column[sorted[end - 1]] <= column[sorted[start]] + SAME_VALUE) continue;
      tried++;
      leftCounts.fill(0);
      for (let k = 0; k < nClasses; k++) rightCounts[k] = counts[k];
      let leftTotal = 0;
      for (let i = start; i < end - 1; i++) {
        const row = sorted[i];
        const w = weights[row];
        leftCounts[classIndex[row]] += w;
        rightCounts[classIndex[row]] -= w;
        leftTotal += w;
        const here = column[row];
        const next = column[sorted[i + 1]];
        if (next <= here + SAME_VALUE) continue;
        const nLeft = i + 1 - start;
        if (nLeft < settings.minSamplesLeaf || end - start - nLeft < settings.minSamplesLeaf) {
          continue;
        }
        const cost =
          weightedImpurity(leftCounts, leftTotal, settings.criterion) +
          weightedImpurity(rightCounts, total - leftTotal, settings.criterion);
        if (best === null || cost < best.childCost) {
          let threshold = here / 2 + next / 2;
          if (threshold === next || !Number.isFinite(threshold)) threshold = here;
          best = { feature, threshold, childCost: cost, nLeft };
        }
      }
    }
    return best;
  }

  /** Reorders every feature's slice: rows going left first, each part still sorted. */
  function partition(start: number, end: number, split: Split) {
    const column = data.columns[split.feature];
    for (let i = start; i < end; i++) {
      const row = sortedBy[0][i];
      goesLeft[row] = column[row] <= split.threshold ? 1 : 0;
    }
    for (const sorted of sortedBy) {
      let left = start;
      let right = 0;
      for (let i = start; i < end; i++) {
        const row = sorted[i];
        if (goesLeft[row]) sorted[left++] = row;
        else scratch[right++] = row;
      }
      sorted.set(scratch.subarray(0, right), left);
    }
  }

  function grow(start: number, end: number, depth: number): number {
    const id = tree.feature.length;
    const counts = new Array<number>(nClasses).fill(0);
    const someOrder = sortedBy[0];
    for (let i = start; i < end; i++) counts[classIndex[someOrder[i]]] += weights[someOrder[i]];
    const total = counts.reduce((a, b) => a + b, 0);
    const nodeCost = weightedImpurity(counts, total, settings.criterion);
    tree.feature.push(-1);
    tree.threshold.push(NaN);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.impurity.push(total > 0 ? nodeCost / total : 0);
    tree.samples.push(end - start);
    tree.value.push(counts);
    tree.depth = Math.max(tree.depth, depth);

    const n = end - start;
    const mayGrow =
      depth < settings.maxDepth &&
      n >= settings.minSamplesSplit &&
      n >= 2 * settings.minSamplesLeaf &&
      tree.impurity[id] > PURE;
    const split = mayGrow ? bestSplit(start, end, counts, total) : null;
    if (split === null) return id;

    partition(start, end, split);
    tree.feature[id] = split.feature;
    tree.threshold[id] = split.threshold;
    tree.impurityDecrease[split.feature] += nodeCost - split.childCost;
    tree.left[id] = grow(start, start + split.nLeft, depth + 1);
    tree.right[id] = grow(start + split.nLeft, end, depth + 1);
    return id;
  }

  grow(0, rows.length, 0);
  return tree;
}

/** For each feature, all row indices in increasing order of that feature's value. */
export function sortRowsByFeature(data: FeatureColumns): Int32Array[] {
  const all = Int32Array.from({ length: data.nRows }, (_, i) => i);
  return data.columns.map((column) => all.slice().sort((a, b) => column[a] - column[b]));
}

/** The leaf a row of features lands in. */
export function leafOf(tree: GrownTree, row: ArrayLike<number>): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    node = row[tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  }
  return node;
}

/** Class probabilities at a leaf: its weighted class counts, normalised. */
export function leafProbabilities(tree: GrownTree, leaf: number): number[] {
  const counts = tree.value[leaf];
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total > 0 ? c / total : 1 / counts.length));
}

/** Impurity decrease per feature, summing to 1 (all 0 for a tree that never split). */
export function normalisedImportances(tree: GrownTree): number[] {
  const total = tree.impurityDecrease.reduce((a, b) => a + b, 0);
  return tree.impurityDecrease.map((d) => (total > 0 ? d / total : 0));
}
