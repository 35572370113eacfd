/**
 * `new ml.GradientBoosting(options)`: scikit-learn's GradientBoostingClassifier and
 * GradientBoostingRegressor. Each stage fits a small regression tree (./regression-tree.ts)
 * to the negative gradient of the loss at the current predictions, gives its leaves their
 * loss-minimising values (./boosting-loss.ts) and adds them, shrunk by `learningRate`.
 * With `subsample` < 1 each stage sees a random share of the rows (stochastic gradient
 * boosting), drawn by its own seeded generator.
 *
 * With subsample 1 there is no randomness left, so predictions match sklearn's to rounding
 * (up to exact ties between features, which sklearn breaks at random).
 *
 * @example
 * import { ml, plot } from 'playgrad'
 * const gb = new ml.GradientBoosting({ nEstimators: 200, learningRate: 0.1, maxDepth: 3 })
 * gb.fit(Xtrain, ytrain)
 * gb.predictProba(Xtest)            // columns in gb.classes order
 * plot.line({ train: gb.stagedLoss(Xtrain, ytrain), validation: gb.stagedLoss(Xval, yval) })
 */
import {
  initialScores,
  leafValue,
  meanLoss,
  probabilities,
  residuals,
  type BoostingKind,
} from './boosting-loss';
import { accuracyOf, encodeClassLabels, type ClassLabel } from './class-labels';
import { checkSameRows, toDense, toNumbers, type DenseMatrix, type MatrixInput } from './input';
import { toLabels } from './metrics-labels';
import { r2 } from './r2';
import { growRegressionTree, leafFor, sortRows, type RegressionTree } from './regression-tree';
import { createRng } from './rng';

export interface GradientBoostingOptions {
  /** Default 'classification'. */
  task?: 'classification' | 'regression';
  /** Boosting stages. Default 100, as sklearn. */
  nEstimators?: number;
  /** Shrinks each tree's contribution. Default 0.1. */
  learningRate?: number;
  /** Depth of each tree. Default 3. */
  maxDepth?: number;
  /** Share of rows each stage is fitted on, in (0, 1]. Default 1 (all rows). */
  subsample?: number;
  /** Seeds the subsample draws. Default 0. */
  seed?: number;
}

export class GradientBoosting {
  readonly options: Readonly<Required<GradientBoostingOptions>>;
  /** Class labels seen by fit, sorted (classification): the columns of predictProba. */
  classes: ClassLabel[] = [];
  private kind: BoostingKind = 'regression';
  /** Outputs per row: classes for multiclass, else 1. */
  private K = 1;
  private start: number[] = [];
  /** stages[m][k]: the tree of stage m for output k. */
  private stages: RegressionTree[][] = [];
  private nFeatures = 0;

  constructor(options: GradientBoostingOptions = {}) {
    const {
      task = 'classification',
      nEstimators = 100,
      learningRate = 0.1,
      maxDepth = 3,
      subsample = 1,
      seed = 0,
    } = options;
    if (task !== 'classification' && task !== 'regression') {
      throw new RangeError(
        `task must be 'classification' or 'regression', got ${JSON.stringify(task)}`,
      );
    }
    if (!Number.isInteger(nEstimators) || nEstimators < 1) {
      throw new RangeError(`nEstimators must be a whole number >= 1, got ${nEstimators}`);
    }
    if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
      throw new RangeError(`learningRate must be a number > 0, got ${learningRate}`);
    }
    if (!Number.isInteger(maxDepth) || maxDepth < 1) {
      throw new RangeError(`maxDepth must be a whole number >= 1, got ${maxDepth}`);
    }
    if (!(subsample > 0 && subsample <= 1)) {
      throw new RangeError(`subsample must be in (0, 1], got ${subsample}`);
    }
    this.options = { task, nEstimators, learningRate, maxDepth, subsample, seed };
  }

  /** Fits the stages on rows X and targets y (class labels, or numbers for regression). */
  fit(X: MatrixInput, y: unknown): this {
    const data = toDense(X, 'X');
    const targets = this.readTargets(y, data.rows);
    const { nEstimators, learningRate, maxDepth, subsample, seed } = this.options;
    const n = data.rows;
    const K = this.K;
    const columns = Array.from({ length: data.cols }, (_, j) =>
      Float64Array.from({ length: n }, (_, i) => data.data[i * data.cols + j]),
    );
    const sorted = sortRows(columns, n);
    this.start = initialScores(this.kind, targets, this.classes.length);
    const scores = new Float64Array(n * K);
    for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) scores[i * K + k] = this.start[k];
    const random = createRng(seed);
    const inBag = new Uint8Array(n).fill(1);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const nInBag = Math.max(1, Math.floor(subsample * n));
    const residual = new Float64Array(n);
    const leafOfRow = new Int32Array(n);
    const grow = { maxDepth, minSamplesSplit: 2, minSamplesLeaf: 1 };
    this.stages = [];
    for (let m = 0; m < nEstimators; m++) {
      if (subsample < 1) drawInBag(order, nInBag, random.next, inBag);
      const before = Float64Array.from(scores);
      const stage: RegressionTree[] = [];
      for (let k = 0; k < K; k++) {
        residuals(this.kind, targets, before, K, k, residual);
        const tree = growRegressionTree(columns, sorted, inBag, residual, grow, leafOfRow);
        if (this.kind !== 'regression')
          this.newtonLeaves(tree, inBag, leafOfRow, residual, targets);
        for (let i = 0; i < n; i++) {
          scores[i * K + k] += learningRate * tree.value[leafFor(tree, data.data, i * data.cols)];
        }
        stage.push(tree);
      }
      this.stages.push(stage);
    }
    this.nFeatures = data.cols;
    return this;
  }

  /** For each row, each class's probability, in `classes` order (classification). */
  predictProba(X: MatrixInput): number[][] {
    if (this.options.task !== 'classification') {
      throw new Error("predictProba is for task: 'classification'; this model does regression");
    }
    const { data, scores } = this.rawScores(X);
    return Array.from({ length: data.rows }, (_, i) =>
      probabilities(this.kind, scores.subarray(i * this.K, (i + 1) * this.K)),
    );
  }

  /** For each row, the predicted class (classification) or value (regression). */
  predict(X: MatrixInput): (number | string)[] {
    if (this.options.task === 'regression') return Array.from(this.rawScores(X).scores);
    return this.predictProba(X).map((p) => this.classes[p.indexOf(Math.max(...p))]);
  }

  /** Accuracy (classification) or R² (regression) on (X, y). */
  score(X: MatrixInput, y: unknown): number {
    const predicted = this.predict(X);
    if (this.options.task === 'classification') return accuracyOf(predicted, y);
    return r2(toNumbers(y as number[], 'y'), predicted as number[]);
  }

  /**
   * The loss on (X, y) after each stage: mean log-loss (classification) or mean squared
   * error (regression). Plot it for training and validation rows to see where more stages
   * stop helping.
   */
  stagedLoss(X: MatrixInput, y: unknown): number[] {
    const data = this.checked(X);
    const targets = this.readTargets(y, data.rows, false);
    const scores = this.initialRows(data.rows);
    return this.stages.map((stage) => {
      this.addStage(stage, data, scores);
      return meanLoss(this.kind, targets, scores, this.K);
    });
  }

  /** How much each feature's splits reduced squared error, averaged over trees, summing to 1. */
  get featureImportances(): number[] {
    const trees = this.fitted()
      .flat()
      .filter((tree) => tree.feature.length > 1);
    const sum = new Array<number>(this.nFeatures).fill(0);
    for (const tree of trees) tree.importance.forEach((v, j) => (sum[j] += v));
    const total = sum.reduce((a, b) => a + b, 0);
    return sum.map((v) => (total > 0 ? v / total : 0));
  }

  /** Stages fitted. */
  get nStages(): number {
    return this.fitted().length;
  }

  private readTargets(y: unknown, rows: number, refit = true): Float64Array {
    if (this.options.task === 'regression') {
      const values = toNumbers(y as number[], 'y');
      checkSameRows(rows, values.length);
      if (refit) this.kind = 'regression';
      return Float64Array.from(values);
    }
    if (!refit) {
      // Scoring: map labels onto the fitted classes, refusing ones never seen.
      const labels = Array.from(encodeClassLabelsLoose(y, rows));
      return Float64Array.from(labels, (label, i) => {
        const k = this.classes.indexOf(label);
        if (k < 0)
          throw new RangeError(`y[${i}] is ${JSON.stringify(label)}, a class not seen in fit`);
        return k;
      });
    }
    const { classes, index } = encodeClassLabels(y, rows, 'GradientBoosting');
    this.classes = classes;
    this.kind = classes.length === 2 ? 'binary' : 'multiclass';
    this.K = classes.length === 2 ? 1 : classes.length;
    return Float64Array.from(index);
  }

  /** Replaces each leaf's mean residual by the loss's Newton step on its in-bag rows. */
  private newtonLeaves(
    tree: RegressionTree,
    inBag: Uint8Array,
    leafOfRow: Int32Array,
    residual: Float64Array,
    targets: Float64Array,
  ) {
    const rowsOf = new Map<number, number[]>();
    for (let i = 0; i < inBag.length; i++) {
      if (!inBag[i]) continue;
      const rows = rowsOf.get(leafOfRow[i]);
      if (rows) rows.push(i);
      else rowsOf.set(leafOfRow[i], [i]);
    }
    const K = this.kind === 'multiclass' ? this.K : 2;
    for (const [leaf, rows] of rowsOf) {
      tree.value[leaf] = leafValue(this.kind, K, rows, residual, targets);
    }
  }

  private rawScores(X: MatrixInput): { data: DenseMatrix; scores: Float64Array } {
    const data = this.checked(X);
    const scores = this.initialRows(data.rows);
    for (const stage of this.stages) this.addStage(stage, data, scores);
    return { data, scores };
  }

  private initialRows(rows: number): Float64Array {
    const scores = new Float64Array(rows * this.K);
    for (let i = 0; i < rows; i++) {
      for (let k = 0; k < this.K; k++) scores[i * this.K + k] = this.start[k];
    }
    return scores;
  }

  private addStage(stage: RegressionTree[], data: DenseMatrix, scores: Float64Array) {
    const rate = this.options.learningRate;
    stage.forEach((tree, k) => {
      for (let i = 0; i < data.rows; i++) {
        scores[i * this.K + k] += rate * tree.value[leafFor(tree, data.data, i * data.cols)];
      }
    });
  }

  private checked(X: MatrixInput): DenseMatrix {
    this.fitted();
    const data = toDense(X, 'X');
    if (data.cols !== this.nFeatures) {
      throw new RangeError(
        `X has ${data.cols} features but the model was fitted on ${this.nFeatures}`,
      );
    }
    return data;
  }

  private fitted(): RegressionTree[][] {
    if (this.stages.length === 0) {
      throw new Error('this GradientBoosting is not fitted yet: call fit(X, y) first');
    }
    return this.stages;
  }
}

/** Labels as read, with the row count checked (classes may be fewer than two here). */
function encodeClassLabelsLoose(y: unknown, rows: number): (number | string)[] {
  const labels = toLabels(y, 'y');
  checkSameRows(rows, labels.length);
  return labels;
}

/** Marks `count` rows drawn without replacement (partial Fisher–Yates over `order`). */
function drawInBag(order: Int32Array, count: number, random: () => number, inBag: Uint8Array) {
  inBag.fill(0);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j], order[i]];
    inBag[order[i]] = 1;
  }
}
