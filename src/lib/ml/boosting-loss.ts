/**
 * The losses GradientBoosting descends, as scikit-learn 1.2 defines them
 * (sklearn/ensemble/_gb_losses.py): where the model starts, the negative gradient each tree
 * is fitted to, the value a leaf gets, and the loss reported per stage.
 * - 'regression': squared error. Start at the mean; residuals y − F; a leaf's value is its
 *   mean residual (the tree's own value).
 * - binary classification: log-loss on the log-odds F. Start at log(p/(1 − p)) of the class
 *   prior; residuals y − σ(F); a leaf takes one Newton step, Σr / Σp(1 − p).
 * - K classes: one tree per class per stage on softmax residuals yₖ − pₖ; start at log(priorₖ);
 *   leaf value (K − 1)/K · Σr / Σ|r|(1 − |r|) (Friedman's multiclass step).
 * Raw scores F are stored row-major, K per row (K = 1 for regression and two classes).
 */
import { sigmoid } from './logistic-loss';

export type BoostingKind = 'regression' | 'binary' | 'multiclass';

/** Initial raw score per output: the best constant model. */
export function initialScores(kind: BoostingKind, targets: Float64Array, K: number): number[] {
  const n = targets.length;
  if (kind === 'regression') return [targets.reduce((a, b) => a + b, 0) / n];
  const counts = new Array<number>(Math.max(K, 2)).fill(0);
  for (const t of targets) counts[t]++;
  const clip = (p: number) => Math.min(Math.max(p, 1e-15), 1 - 1e-15);
  if (kind === 'binary') {
    const p = clip(counts[1] / n);
    return [Math.log(p / (1 - p))];
  }
  return counts.map((c) => Math.log(clip(c / n)));
}

/** Probabilities from raw scores (classification): two columns for binary. */
export function probabilities(kind: BoostingKind, scores: ArrayLike<number>): number[] {
  if (kind === 'binary') {
    const p = sigmoid(scores[0]);
    return [1 - p, p];
  }
  const largest = Math.max(...Array.from(scores));
  const e = Array.from(scores, (s) => Math.exp(s - largest));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Negative gradient of the loss for output k, at every row, written into `residual`. */
export function residuals(
  kind: BoostingKind,
  targets: Float64Array,
  scores: Float64Array,
  K: number,
  k: number,
  residual: Float64Array,
): void {
  for (let i = 0; i < targets.length; i++) {
    if (kind === 'regression') residual[i] = targets[i] - scores[i];
    else if (kind === 'binary') residual[i] = targets[i] - sigmoid(scores[i]);
    else {
      const p = probabilities(kind, scores.subarray(i * K, (i + 1) * K));
      residual[i] = (targets[i] === k ? 1 : 0) - p[k];
    }
  }
}

/**
 * The value of leaf `leaf` from the residuals of its in-bag rows (classification's Newton
 * step); regression keeps the tree's mean. `K` is the number of classes for multiclass.
 */
export function leafValue(
  kind: BoostingKind,
  K: number,
  rows: readonly number[],
  residual: Float64Array,
  targets: Float64Array,
): number {
  let numerator = 0;
  let denominator = 0;
  for (const row of rows) {
    const r = residual[row];
    numerator += r;
    if (kind === 'binary') denominator += (targets[row] - r) * (1 - targets[row] + r);
    else denominator += Math.abs(r) * (1 - Math.abs(r));
  }
  if (kind === 'multiclass') numerator *= (K - 1) / K;
  // sklearn's guard for a leaf whose rows are all predicted with certainty.
  if (Math.abs(denominator) < 1e-150) return 0;
  return numerator / denominator;
}

/** Mean loss of raw scores: squared error (regression) or log-loss (classification). */
export function meanLoss(
  kind: BoostingKind,
  targets: Float64Array,
  scores: Float64Array,
  K: number,
): number {
  let total = 0;
  for (let i = 0; i < targets.length; i++) {
    if (kind === 'regression') total += (targets[i] - scores[i]) ** 2;
    else {
      const p = probabilities(kind, scores.subarray(i * K, (i + 1) * K));
      total -= Math.log(Math.min(Math.max(p[targets[i]], 1e-15), 1));
    }
  }
  return total / targets.length;
}
