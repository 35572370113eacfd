/**
 * R², the score of every `ml` regressor (sklearn's r2_score): 1 − residual / total sum of
 * squares. 1 is perfect, 0 is as good as always predicting the mean, below 0 is worse.
 */
import { checkSameRows } from './input';

export function r2(truth: readonly number[], predicted: readonly number[]): number {
  checkSameRows(predicted.length, truth.length, 'X and y');
  const mean = truth.reduce((a, b) => a + b, 0) / truth.length;
  let residual = 0;
  let total = 0;
  truth.forEach((value, i) => {
    residual += (value - predicted[i]) ** 2;
    total += (value - mean) ** 2;
  });
  return total === 0 ? (residual === 0 ? 1 : 0) : 1 - residual / total;
}
