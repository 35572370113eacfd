/**
 * `new ml.RandomForest(options)`: many decision trees, each grown on a bootstrap sample
 * (rows drawn with replacement) and trying only a random subset of features at each split;
 * their class probabilities are averaged. Like scikit-learn's RandomForestClassifier, with
 * its own seeded generator so the same seed grows the same forest.
 *
 * @example
 * import { ml } from 'playgrad'
 * const forest = new ml.RandomForest({ nTrees: 100, seed: 0 }).fit(Xtrain, ytrain)
 * ml.metrics.accuracy(ytest, forest.predict(Xtest))
 */
import { createRng } from './rng';
import { growTree, normalisedImportances, sortRowsByFeature, type GrownTree } from './tree-build';
import {
  classWeights,
  encodeClasses,
  toColumns,
  type ClassWeight,
  type MatrixInput,
} from './tree-input';
import type { VectorInput } from './metrics-labels';
import {
  averagedProbabilities,
  growSettings,
  mostLikely,
  nodeJSON,
  type DecisionTreeOptions,
  type TreeNodeJSON,
} from './tree';

export interface RandomForestOptions extends Omit<DecisionTreeOptions, 'classWeight'> {
  /** How many trees. Default 100. */
  nTrees?: number;
  /** Draw a bootstrap sample per tree. Default true (false: every tree sees every row). */
  bootstrap?: boolean;
  /**
   * 'balanced' weighs classes on the whole training set; 'balancedSubsample' on each tree's
   * bootstrap sample; or a weight per class label.
   */
  classWeight?: ClassWeight | 'balancedSubsample';
}

export class RandomForest {
  readonly options: Readonly<RandomForestOptions>;
  /** The class labels seen by fit, sorted: the columns of predictProba. */
  classes: number[] = [];
  private trees: GrownTree[] = [];

  constructor(options: RandomForestOptions = {}) {
    const nTrees = options.nTrees ?? 100;
    if (!Number.isInteger(nTrees) || nTrees < 1) {
      throw new RangeError(`nTrees must be a whole number >= 1, got ${nTrees}`);
    }
    this.options = { ...options };
  }

  /** Grows the trees on rows X and class labels y. Returns the forest. */
  fit(X: MatrixInput, y: VectorInput): this {
    const data = toColumns(X);
    const { classes, index } = encodeClasses(y, data.nRows);
    const random = createRng(this.options.seed ?? 0).next;
    // A forest's default is sqrt(features) per split: the randomness that decorrelates trees.
    const treeOptions = { ...this.options, maxFeatures: this.options.maxFeatures ?? 'sqrt' };
    const settings = growSettings(treeOptions, data.nFeatures, random);
    const weightOption = this.options.classWeight;
    const wholeSetWeights =
      weightOption === 'balancedSubsample' ? null : classWeights(weightOption, classes, index);
    const nTrees = this.options.nTrees ?? 100;
    const presorted = sortRowsByFeature(data);
    const trees: GrownTree[] = [];
    for (let t = 0; t < nTrees; t++) {
      const drawn = new Float64Array(data.nRows);
      if (this.options.bootstrap === false) drawn.fill(1);
      else for (let i = 0; i < data.nRows; i++) drawn[Math.floor(random() * data.nRows)]++;
      const perClass =
        wholeSetWeights ?? classWeights('balanced', classes, index, bootstrapRows(drawn));
      const weights = drawn.map((count, i) => count * perClass[index[i]]);
      trees.push(growTree(data, index, classes.length, weights, settings, presorted));
    }
    this.trees = trees;
    this.classes = classes;
    return this;
  }

  /** For each row, each class's probability averaged over the trees (`classes` order). */
  predictProba(X: MatrixInput): number[][] {
    return averagedProbabilities(this.fitted(), X);
  }

  /** For each row, the class with the highest averaged probability. */
  predict(X: MatrixInput): number[] {
    return mostLikely(this.predictProba(X), this.classes);
  }

  /** Accuracy on (X, y). */
  score(X: MatrixInput, y: VectorInput): number {
    const predicted = this.predict(X);
    const { classes, index } = encodeClasses(y, predicted.length);
    return predicted.filter((label, i) => label === classes[index[i]]).length / predicted.length;
  }

  /** Each feature's importance averaged over the trees, summing to 1. */
  get featureImportances(): number[] {
    const perTree = this.fitted().map(normalisedImportances);
    const mean = perTree[0].map((_, j) => perTree.reduce((s, imp) => s + imp[j], 0));
    const total = mean.reduce((a, b) => a + b, 0);
    return mean.map((m) => (total > 0 ? m / total : 0));
  }

  /** How many trees were grown. */
  get nTrees(): number {
    return this.fitted().length;
  }

  /** Every tree as nested nodes: `plot.tree(forest.toJSON()[0])` draws the first. */
  toJSON(): TreeNodeJSON[] {
    return this.fitted().map((tree) => nodeJSON(tree));
  }

  private fitted(): GrownTree[] {
    if (this.trees.length === 0) {
      throw new Error('this RandomForest is not fitted yet: call fit(X, y) first');
    }
    return this.trees;
  }
}

/** Row indices repeated as many times as the bootstrap drew them. */
function bootstrapRows(drawn: Float64Array): number[] {
  const rows: number[] = [];
  drawn.forEach((count, i) => {
    for (let c = 0; c < count; c++) rows.push(i);
  });
  return rows;
}
