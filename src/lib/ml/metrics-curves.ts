/**
 * Scores for a ranking (a probability or any score per row, higher = more positive):
 * the ROC curve, the precision–recall curve, the areas under them.
 *
 * Same numbers as scikit-learn's roc_curve / precision_recall_curve / auc /
 * average_precision_score / roc_auc_score. Two documented choices:
 * - rocCurve keeps every threshold (sklearn's `drop_intermediate=False`) unless
 *   `{ dropIntermediate: true }`; its first threshold is `Infinity` (sklearn ≥ 1.3), the
 *   point (0, 0) where nothing is predicted positive.
 * - a rate whose denominator is 0 (no negatives, no positives) is 0, not NaN.
 */
import {
  checkSameLength,
  toLabels,
  toNumbers,
  type Label,
  type VectorInput,
} from './metrics-labels';

export interface CurveOptions {
  /** The class that counts as positive. Default 1. */
  positive?: Label;
}

export interface RocCurve {
  /** False-positive rate at each threshold: FP / (number of negatives). */
  fpr: number[];
  /** True-positive rate (recall) at each threshold: TP / (number of positives). */
  tpr: number[];
  /** Decreasing. Row i is predicted positive when score >= thresholds[i]. */
  thresholds: number[];
}

export interface PrecisionRecallCurve {
  /** Ends with 1: the conventional point at recall 0. */
  precision: number[];
  /** Decreasing, ends with 0. */
  recall: number[];
  /** Increasing; one fewer than precision and recall. */
  thresholds: number[];
}

/** Cumulative counts at each distinct score, highest score first (sklearn's _binary_clf_curve). */
function countsByThreshold(yTrue: VectorInput, scores: VectorInput, options: CurveOptions) {
  const truth = toLabels(yTrue, 'yTrue');
  const score = toNumbers(scores, 'scores');
  checkSameLength(truth, score, 'yTrue and scores');
  const [positive] = toLabels([options.positive ?? 1], 'positive');
  const order = score.map((_, i) => i).sort((a, b) => score[b] - score[a]);
  const tps: number[] = [];
  const fps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let k = 0; k < order.length; k++) {
    if (truth[order[k]] === positive) tp++;
    const last = k === order.length - 1 || score[order[k + 1]] !== score[order[k]];
    if (last) {
      tps.push(tp);
      fps.push(k + 1 - tp);
      thresholds.push(score[order[k]]);
    }
  }
  return { tps, fps, thresholds };
}

function divideAll(values: number[], denominator: number): number[] {
  return values.map((v) => (denominator === 0 ? 0 : v / denominator));
}

/**
 * The ROC curve: for each threshold, the true-positive rate against the false-positive rate.
 * @example
 * const { fpr, tpr } = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
 * // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1]
 */
export function rocCurve(
  yTrue: VectorInput,
  scores: VectorInput,
  options: CurveOptions & { dropIntermediate?: boolean } = {},
): RocCurve {
  let { tps, fps, thresholds } = countsByThreshold(yTrue, scores, options);
  if (options.dropIntermediate && tps.length > 2) {
    // Keep the corners: points where the curve changes direction.
    const keep = tps.map((_, i) => {
      if (i === 0 || i === tps.length - 1) return true;
      const turnsFp = fps[i - 1] - 2 * fps[i] + fps[i + 1] !== 0;
      const turnsTp = tps[i - 1] - 2 * tps[i] + tps[i + 1] !== 0;
      return turnsFp || turnsTp;
    });
    tps = tps.filter((_, i) => keep[i]);
    fps = fps.filter((_, i) => keep[i]);
    thresholds = thresholds.filter((_, i) => keep[i]);
  }
  const positives = tps[tps.length - 1];
  const negatives = fps[fps.length - 1];
  return {
    fpr: divideAll([0, ...fps], negatives),
    tpr: divideAll([0, ...tps], positives),
    thresholds: [Infinity, ...thresholds],
  };
}

/**
 * Area under a curve by the trapezoid rule. `x` must be increasing or decreasing.
 * @example
 * auc([0, 0.5, 1], [0, 1, 1])  // 0.75
 */
export function auc(x: VectorInput, y: VectorInput): number {
  const xs = toNumbers(x, 'x');
  const ys = toNumbers(y, 'y');
  checkSameLength(xs, ys, 'x and y');
  if (xs.length < 2) throw new RangeError(`auc needs at least 2 points, got ${xs.length}`);
  let increasing = true;
  let decreasing = true;
  for (let i = 1; i < xs.length; i++) {
    if (xs[i] < xs[i - 1]) increasing = false;
    if (xs[i] > xs[i - 1]) decreasing = false;
  }
  if (!increasing && !decreasing) {
    throw new RangeError('auc needs x in increasing or decreasing order');
  }
  let area = 0;
  for (let i = 1; i < xs.length; i++) area += ((xs[i] - xs[i - 1]) * (ys[i] + ys[i - 1])) / 2;
  return increasing ? area : -area;
}

/**
 * Area under the ROC curve: the chance that a random positive row scores higher than a
 * random negative one (ties count half). Needs both classes in yTrue.
 */
export function rocAuc(yTrue: VectorInput, scores: VectorInput, options: CurveOptions = {}) {
  const { fpr, tpr } = rocCurve(yTrue, scores, options);
  if (fpr[fpr.length - 1] === 0 || tpr[tpr.length - 1] === 0) {
    throw new RangeError('rocAuc needs both positive and negative rows in yTrue');
  }
  return auc(fpr, tpr);
}

/**
 * Precision and recall for each threshold, from the highest recall to recall 0.
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
 * // precision [0.5, 0.667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8]
 */
export function precisionRecallCurve(
  yTrue: VectorInput,
  scores: VectorInput,
  options: CurveOptions = {},
): PrecisionRecallCurve {
  const { tps, fps, thresholds } = countsByThreshold(yTrue, scores, options);
  const positives = tps[tps.length - 1];
  const precisionHighFirst = tps.map((tp, i) => (tp + fps[i] === 0 ? 0 : tp / (tp + fps[i])));
  // No positive at all: sklearn reports recall 1 everywhere rather than 0/0.
  const recallHighFirst = tps.map((tp) => (positives === 0 ? 1 : tp / positives));
  return {
    precision: [...precisionHighFirst.reverse(), 1],
    recall: [...recallHighFirst.reverse(), 0],
    thresholds: [...thresholds].reverse(),
  };
}

/**
 * Average precision: the precision at each threshold weighted by the recall gained there,
 * Σ (R_n − R_{n−1}) · P_n — a step-wise area under the precision–recall curve (no
 * interpolation, as in sklearn).
 */
export function averagePrecision(
  yTrue: VectorInput,
  scores: VectorInput,
  options: CurveOptions = {},
): number {
  const { precision, recall } = precisionRecallCurve(yTrue, scores, options);
  let sum = 0;
  for (let i = 0; i < recall.length - 1; i++) sum += (recall[i] - recall[i + 1]) * precision[i];
  return sum;
}
