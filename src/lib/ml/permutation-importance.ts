/**
 * `ml.permutationImportance`: how much a fitted model leans on each feature, measured on
 * data it is scored on (preferably held out). Shuffle one column, so its link to the target
 * is broken while its distribution is kept, and see how much the score drops; repeat with
 * other shuffles. As scikit-learn's `permutation_importance`: importance = baseline score −
 * shuffled score, `mean` and `std` (population) over the repeats, `all` every repeat.
 *
 * Unlike a tree's impurity importances, it works for any model and is not inflated for
 * features with many distinct values; correlated features share (and so hide) importance.
 */
import { toDense, toNumbers, type MatrixInput, type VectorInput } from './input';
import { checkModel, outputOf, type ModelInput, type Predictor, type Rows } from './model-output';
import { createRng, range } from './rng';
import { rocAuc } from './metrics-curves';

/** A score where higher is better, or a function (yTrue, yPred) => score of your own. */
export type Metric =
  | 'accuracy'
  | 'r2'
  | 'negMeanSquaredError'
  | 'rocAuc'
  | ((yTrue: number[], yPred: number[]) => number);

export interface PermutationOptions {
  /** Default: the model's own `score(X, y)` (accuracy for ml's classifiers), as sklearn. */
  metric?: Metric;
  /** Shuffles per feature. Default 5 (sklearn's default). */
  repeats?: number;
  seed?: number;
}

export interface PermutationImportance {
  /** The score on X unshuffled. */
  baseline: number;
  /** Mean score drop per feature. */
  mean: number[];
  /** Standard deviation of the drops per feature (over the repeats). */
  std: number[];
  /** all[j][r]: the drop for feature j in repeat r. */
  all: number[][];
}

/**
 * @example
 * const forest = new ml.RandomForest({ seed: 0 }).fit(Xtrain, ytrain)
 * const { mean, std } = ml.permutationImportance(forest, Xtest, ytest, { repeats: 10 })
 */
export function permutationImportance(
  model: ModelInput,
  X: MatrixInput,
  y: VectorInput,
  options: PermutationOptions = {},
): PermutationImportance {
  checkModel(model);
  const data = toDense(X, 'X');
  const target = toNumbers(y, 'y');
  if (target.length !== data.rows) {
    throw new RangeError(`X has ${data.rows} rows but y has ${target.length}: give one y per row`);
  }
  const repeats = options.repeats ?? 5;
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new RangeError(`repeats must be a whole number >= 1, got ${repeats}`);
  }
  const score = scorer(model, options.metric);
  const rows: Rows = Array.from({ length: data.rows }, (_, i) =>
    Array.from(data.data.subarray(i * data.cols, (i + 1) * data.cols)),
  );
  const baseline = score(rows, target);
  const rng = createRng(options.seed ?? 0);
  const all = range(data.cols).map((j) =>
    range(repeats).map(() => {
      const order = rng.shuffleInPlace(range(data.rows));
      const shuffled = rows.map((row, i) => {
        const copy = row.slice();
        copy[j] = rows[order[i]][j];
        return copy;
      });
      return baseline - score(shuffled, target);
    }),
  );
  const mean = all.map((drops) => drops.reduce((s, v) => s + v, 0) / repeats);
  const std = all.map((drops, j) =>
    Math.sqrt(drops.reduce((s, v) => s + (v - mean[j]) ** 2, 0) / repeats),
  );
  return { baseline, mean, std, all };
}

type Scorer = (X: Rows, y: number[]) => number;

function scorer(model: ModelInput, metric: Metric | undefined): Scorer {
  if (metric === undefined) {
    const withScore = model as Predictor;
    if (typeof model === 'function' || typeof withScore.score !== 'function') {
      throw new TypeError(
        "this model has no score(X, y): pass a metric ('accuracy', 'r2', 'rocAuc', …)",
      );
    }
    return (X, y) => (withScore.score as NonNullable<Predictor['score']>)(X, y);
  }
  if (typeof metric === 'function') {
    const predict = outputOf(model, 'predict');
    return (X, y) => metric(y, predict(X));
  }
  if (metric === 'rocAuc') {
    const probability = outputOf(model, 'auto');
    return (X, y) => rocAuc(y, probability(X));
  }
  const predict = outputOf(model, 'predict');
  if (metric === 'accuracy') {
    return (X, y) => predict(X).filter((p, i) => p === y[i]).length / y.length;
  }
  if (metric === 'r2') return (X, y) => r2(y, predict(X));
  if (metric === 'negMeanSquaredError') {
    return (X, y) => -predict(X).reduce((s, p, i) => s + (p - y[i]) ** 2, 0) / y.length;
  }
  throw new RangeError(
    `metric must be 'accuracy', 'r2', 'negMeanSquaredError', 'rocAuc' or a function, got ${String(metric)}`,
  );
}

/** The coefficient of determination: 1 − residual / total sum of squares. */
function r2(y: number[], predicted: number[]): number {
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  const total = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  const residual = y.reduce((s, v, i) => s + (v - predicted[i]) ** 2, 0);
  return 1 - residual / total;
}
