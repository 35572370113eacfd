/**
 * Scores for hard predictions: accuracy, precision, recall, F1, the confusion matrix.
 * Conventions follow scikit-learn, so a learner can compare with what they read elsewhere:
 * a ratio whose denominator is 0 is 0 (sklearn's `zero_division` default, without the
 * warning), labels are sorted, confusion-matrix rows are the true class.
 */
import {
  checkSameLength,
  sortedUnique,
  toLabels,
  type Label,
  type VectorInput,
} from './metrics-labels';

/** How per-class scores become one number (sklearn's `average`). */
export type Average = 'binary' | 'macro' | 'micro' | 'weighted';

export interface ScoreOptions {
  /** The class that counts as "positive" when `average` is 'binary'. Default 1. */
  positive?: Label;
  /**
   * 'binary' (default): the score of the positive class; two classes at most.
   * 'macro': the plain mean over classes. 'weighted': the mean weighted by each class's
   * number of true rows. 'micro': from the total counts over all classes.
   */
  average?: Average;
  /** Classes to score with 'macro' / 'weighted' / 'micro' (default: all that appear). */
  labels?: readonly Label[];
}

/** Fraction of rows where the prediction equals the truth. */
export function accuracy(yTrue: VectorInput, yPred: VectorInput): number {
  const truth = toLabels(yTrue, 'yTrue');
  const predicted = toLabels(yPred, 'yPred');
  checkSameLength(truth, predicted, 'yTrue and yPred');
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++;
  return correct / truth.length;
}

/**
 * counts[i][j] = number of rows whose true class is labels[i] and predicted class labels[j].
 * @example
 * confusionMatrix([0, 1, 1], [0, 1, 0])  // [[1, 0], [1, 1]]
 */
export function confusionMatrix(
  yTrue: VectorInput,
  yPred: VectorInput,
  options: { labels?: readonly Label[] } = {},
): number[][] {
  const truth = toLabels(yTrue, 'yTrue');
  const predicted = toLabels(yPred, 'yPred');
  checkSameLength(truth, predicted, 'yTrue and yPred');
  const labels = options.labels
    ? toLabels(options.labels, 'labels')
    : sortedUnique([...truth, ...predicted]);
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < truth.length; i++) {
    const row = index.get(truth[i]);
    const column = index.get(predicted[i]);
    // Rows whose classes are not in `labels` are left out, as in sklearn.
    if (row !== undefined && column !== undefined) counts[row][column]++;
  }
  return counts;
}

/** Of the rows predicted positive, the fraction that are positive: TP / (TP + FP). */
export function precision(yTrue: VectorInput, yPred: VectorInput, options: ScoreOptions = {}) {
  return score(yTrue, yPred, options, (c) => ratio(c.tp, c.tp + c.fp));
}

/** Of the positive rows, the fraction predicted positive: TP / (TP + FN). */
export function recall(yTrue: VectorInput, yPred: VectorInput, options: ScoreOptions = {}) {
  return score(yTrue, yPred, options, (c) => ratio(c.tp, c.tp + c.fn));
}

/** The harmonic mean of precision and recall: 2·TP / (2·TP + FP + FN). */
export function f1(yTrue: VectorInput, yPred: VectorInput, options: ScoreOptions = {}) {
  return score(yTrue, yPred, options, (c) => ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn));
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function countsFor(
  truth: readonly (number | string)[],
  predicted: readonly (number | string)[],
  label: number | string,
): Counts {
  const counts = { tp: 0, fp: 0, fn: 0 };
  for (let i = 0; i < truth.length; i++) {
    const isTrue = truth[i] === label;
    const isPredicted = predicted[i] === label;
    if (isTrue && isPredicted) counts.tp++;
    else if (isPredicted) counts.fp++;
    else if (isTrue) counts.fn++;
  }
  return counts;
}

function score(
  yTrue: VectorInput,
  yPred: VectorInput,
  options: ScoreOptions,
  formula: (counts: Counts) => number,
): number {
  const truth = toLabels(yTrue, 'yTrue');
  const predicted = toLabels(yPred, 'yPred');
  checkSameLength(truth, predicted, 'yTrue and yPred');
  const average = options.average ?? 'binary';
  const present = sortedUnique([...truth, ...predicted]);
  if (average === 'binary') {
    const [positive] = toLabels([options.positive ?? 1], 'positive');
    if (present.length > 2) {
      throw new RangeError(
        `average 'binary' needs two classes, got ${present.length} (${present.join(', ')}): ` +
          `pass { average: 'macro' } (or 'weighted', 'micro')`,
      );
    }
    if (present.length === 2 && !present.includes(positive)) {
      throw new RangeError(
        `the positive class ${JSON.stringify(positive)} is not among the labels ` +
          `${JSON.stringify(present)}: pass { positive: ${JSON.stringify(present[1])} }`,
      );
    }
    return formula(countsFor(truth, predicted, positive));
  }
  const labels = options.labels ? toLabels(options.labels, 'labels') : present;
  const perClass = labels.map((label) => countsFor(truth, predicted, label));
  if (average === 'micro') {
    const total = { tp: 0, fp: 0, fn: 0 };
    for (const c of perClass) {
      total.tp += c.tp;
      total.fp += c.fp;
      total.fn += c.fn;
    }
    return formula(total);
  }
  if (average === 'macro') {
    return perClass.reduce((sum, c) => sum + formula(c), 0) / labels.length;
  }
  if (average === 'weighted') {
    const support = perClass.map((c) => c.tp + c.fn);
    const totalSupport = support.reduce((a, b) => a + b, 0);
    const weighted = perClass.reduce((sum, c, i) => sum + formula(c) * support[i], 0);
    return ratio(weighted, totalSupport);
  }
  throw new RangeError(`average must be 'binary', 'macro', 'micro' or 'weighted', got ${average}`);
}
