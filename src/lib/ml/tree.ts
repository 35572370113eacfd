/**
 * `new ml.DecisionTree(options)`: a CART classification tree, the same algorithm as
 * scikit-learn's DecisionTreeClassifier (see tree-build.ts for the split rules).
 *
 * @example
 * import { ml } from 'playgrad'
 * const tree = new ml.DecisionTree({ maxDepth: 3 }).fit(Xtrain, ytrain)
 * ml.metrics.accuracy(ytest, tree.predict(Xtest))
 * tree.featureImportances   // one number per feature, summing to 1
 * plot.tree(tree.toJSON())
 */
import { createRng } from './rng';
import {
  growTree,
  leafOf,
  leafProbabilities,
  normalisedImportances,
  type Criterion,
  type GrownTree,
} from './tree-build';
import {
  classWeights,
  encodeClasses,
  toColumns,
  type ClassWeight,
  type MatrixInput,
} from './tree-input';
import type { VectorInput } from './metrics-labels';

export type { Criterion } from './tree-build';
export type { ClassWeight, MatrixInput } from './tree-input';
export type { VectorInput } from './metrics-labels';

/** How many features each split may look at: a count, a fraction, or a rule of thumb. */
export type MaxFeatures = number | 'sqrt' | 'log2' | 'all';

export interface DecisionTreeOptions {
  /** Deepest level of splits (the root is depth 0). Default: no limit. */
  maxDepth?: number;
  /** Fewest training rows a leaf may hold. Default 1. */
  minSamplesLeaf?: number;
  /** Fewest rows a node needs to be split. Default 2. */
  minSamplesSplit?: number;
  /** How impurity is measured. Default 'gini'. */
  criterion?: Criterion;
  /** Weigh classes: 'balanced' makes a rare class count as much as a common one. */
  classWeight?: ClassWeight;
  /** Features tried per split. Default 'all' (a random forest uses 'sqrt'). */
  maxFeatures?: MaxFeatures;
  /** Seeds the feature draws when maxFeatures is below the number of features. */
  seed?: number;
}

/** One node of `toJSON()`: a split (feature, threshold, left, right) or a leaf. */
export interface TreeNodeJSON {
  /** Column index of X tested here: rows with X[i][feature] <= threshold go left. */
  feature?: number;
  threshold?: number;
  /** Gini or entropy of the rows reaching this node. */
  impurity: number;
  /** Training rows reaching this node. */
  samples: number;
  /** Count of each class (in `classes` order) at this node, weighted by class weight. */
  value: number[];
  left?: TreeNodeJSON;
  right?: TreeNodeJSON;
}

/** Turns `maxFeatures` into a count, like sklearn's max_features. */
export function resolveMaxFeatures(option: MaxFeatures, nFeatures: number): number {
  if (option === 'all') return nFeatures;
  if (option === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (option === 'log2') return Math.max(1, Math.floor(Math.log2(nFeatures)));
  if (typeof option === 'number' && option > 0 && option < 1) {
    return Math.max(1, Math.floor(option * nFeatures));
  }
  if (Number.isInteger(option) && option >= 1) return Math.min(option, nFeatures);
  throw new RangeError(
    `maxFeatures must be 'sqrt', 'log2', 'all', a whole count or a fraction, got ${option}`,
  );
}

/** Checks and fills in the growth settings shared with RandomForest. */
export function growSettings(
  options: Omit<DecisionTreeOptions, 'classWeight'>,
  nFeatures: number,
  random: () => number,
) {
  const maxDepth = options.maxDepth ?? Infinity;
  const minSamplesLeaf = options.minSamplesLeaf ?? 1;
  const minSamplesSplit = options.minSamplesSplit ?? 2;
  const criterion = options.criterion ?? 'gini';
  if (!(maxDepth >= 0)) throw new RangeError(`maxDepth must be >= 0, got ${maxDepth}`);
  if (!Number.isInteger(minSamplesLeaf) || minSamplesLeaf < 1) {
    throw new RangeError(`minSamplesLeaf must be a whole number >= 1, got ${minSamplesLeaf}`);
  }
  if (!Number.isInteger(minSamplesSplit) || minSamplesSplit < 2) {
    throw new RangeError(`minSamplesSplit must be a whole number >= 2, got ${minSamplesSplit}`);
  }
  if (criterion !== 'gini' && criterion !== 'entropy') {
    throw new RangeError(`criterion must be 'gini' or 'entropy', got ${String(criterion)}`);
  }
  const maxFeatures = resolveMaxFeatures(options.maxFeatures ?? 'all', nFeatures);
  return { maxDepth, minSamplesLeaf, minSamplesSplit, criterion, maxFeatures, random };
}

export function nodeJSON(tree: GrownTree, id = 0): TreeNodeJSON {
  const node: TreeNodeJSON = {
    impurity: tree.impurity[id],
    samples: tree.samples[id],
    value: [...tree.value[id]],
  };
  if (tree.feature[id] < 0) return node;
  return {
    feature: tree.feature[id],
    threshold: tree.threshold[id],
    ...node,
    left: nodeJSON(tree, tree.left[id]),
    right: nodeJSON(tree, tree.right[id]),
  };
}

/** Probability rows for X, in `classes` order, from one or more grown trees (averaged). */
export function averagedProbabilities(trees: readonly GrownTree[], X: unknown): number[][] {
  const { nRows, nFeatures, columns } = toColumns(X);
  const expected = trees[0].impurityDecrease.length;
  if (nFeatures !== expected) {
    throw new RangeError(`X has ${nFeatures} features but the model was fitted on ${expected}`);
  }
  const row = new Float64Array(nFeatures);
  const result: number[][] = [];
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nFeatures; j++) row[j] = columns[j][i];
    const sum = new Array<number>(trees[0].nClasses).fill(0);
    for (const tree of trees) {
      leafProbabilities(tree, leafOf(tree, row)).forEach((p, k) => (sum[k] += p));
    }
    result.push(sum.map((p) => p / trees.length));
  }
  return result;
}

/** The class with the highest probability (the first one on a tie). */
export function mostLikely(probabilities: number[][], classes: readonly number[]): number[] {
  return probabilities.map((p) => classes[p.indexOf(Math.max(...p))]);
}

export class DecisionTree {
  readonly options: Readonly<DecisionTreeOptions>;
  /** The class labels seen by fit, sorted: the columns of predictProba. */
  classes: number[] = [];
  private grown: GrownTree | null = null;

  constructor(options: DecisionTreeOptions = {}) {
    this.options = { ...options };
  }

  /**
   * Grows the tree on rows X (numbers, no missing values) and class labels y.
   * @returns the tree itself, so `new DecisionTree().fit(X, y)` reads as one step
   */
  fit(X: MatrixInput, y: VectorInput): this {
    const data = toColumns(X);
    const { classes, index } = encodeClasses(y, data.nRows);
    const perClass = classWeights(this.options.classWeight, classes, index);
    const weights = Float64Array.from(index, (k) => perClass[k]);
    const random = createRng(this.options.seed ?? 0).next;
    const settings = growSettings(this.options, data.nFeatures, random);
    this.grown = growTree(data, index, classes.length, weights, settings);
    this.classes = classes;
    return this;
  }

  /** For each row, the probability of each class (`classes` order): the leaf's class shares. */
  predictProba(X: MatrixInput): number[][] {
    return averagedProbabilities([this.fitted()], X);
  }

  /** For each row, the predicted class label. */
  predict(X: MatrixInput): number[] {
    return mostLikely(this.predictProba(X), this.classes);
  }

  /** Accuracy on (X, y). */
  score(X: MatrixInput, y: VectorInput): number {
    const predicted = this.predict(X);
    const { classes, index } = encodeClasses(y, predicted.length);
    return predicted.filter((label, i) => label === classes[index[i]]).length / predicted.length;
  }

  /** How much each feature's splits reduced impurity (weighted by rows), summing to 1. */
  get featureImportances(): number[] {
    return normalisedImportances(this.fitted());
  }

  /** Depth of the deepest leaf (a lone root is depth 0). */
  get depth(): number {
    return this.fitted().depth;
  }

  /** How many leaves the tree has. */
  get nLeaves(): number {
    return this.fitted().feature.filter((f) => f < 0).length;
  }

  /** The tree as nested nodes, for plot.tree or for reading. */
  toJSON(): TreeNodeJSON {
    return nodeJSON(this.fitted());
  }

  private fitted(): GrownTree {
    if (!this.grown) throw new Error('this DecisionTree is not fitted yet: call fit(X, y) first');
    return this.grown;
  }
}
