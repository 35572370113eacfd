/**
 * Elastic-net coordinate descent, the algorithm of scikit-learn's Lasso and ElasticNet
 * (sklearn/linear_model/_cd_fast.pyx, `enet_coordinate_descent`), on centred data:
 *   minimise 1/(2n)‖y − Xw‖² + α·ρ‖w‖₁ + α·(1 − ρ)/2·‖w‖²
 * written, as sklearn does, times n: ½‖y − Xw‖² + l1‖w‖₁ + l2/2‖w‖² with l1 = αρn and
 * l2 = α(1 − ρ)n.
 *
 * Each sweep updates one coefficient at a time by its exact minimiser (a soft threshold),
 * keeping the residual up to date. It stops on the duality gap, a certificate that the
 * objective is within `tol`·‖y‖² of its minimum, the same test as sklearn's, so a tight
 * `tol` gives sklearn's coefficients to many digits.
 */
import type { DenseMatrix } from './input';

export interface CoordinateDescentResult {
  coef: Float64Array;
  /** Sweeps over the features. */
  nIter: number;
  /** The duality gap reached, relative to ‖y‖². */
  gap: number;
  converged: boolean;
}

export function elasticNetDescent(
  X: DenseMatrix,
  y: Float64Array,
  l1: number,
  l2: number,
  tol: number,
  maxIter: number,
): CoordinateDescentResult {
  const { rows, cols } = X;
  // Column-major copy: a coordinate step reads one feature over all rows.
  const columns = Array.from({ length: cols }, (_, j) => {
    const column = new Float64Array(rows);
    for (let i = 0; i < rows; i++) column[i] = X.data[i * cols + j];
    return column;
  });
  const norms = columns.map((column) => dot(column, column));
  const w = new Float64Array(cols);
  const residual = Float64Array.from(y);
  const yNorm2 = dot(y, y);
  const tolerance = tol * (yNorm2 || 1);
  let gap = Infinity;
  let iter = 0;
  while (iter < maxIter) {
    iter++;
    let largestStep = 0;
    let largestW = 0;
    for (let j = 0; j < cols; j++) {
      if (norms[j] === 0) continue;
      const column = columns[j];
      const old = w[j];
      // ρ_j = X_jᵀ(residual + X_j·w_j): the fit feature j alone would make.
      const rho = dot(column, residual) + old * norms[j];
      const next = (Math.sign(rho) * Math.max(Math.abs(rho) - l1, 0)) / (norms[j] + l2);
      if (next !== old) {
        const step = next - old;
        for (let i = 0; i < rows; i++) residual[i] -= step * column[i];
        w[j] = next;
      }
      largestStep = Math.max(largestStep, Math.abs(next - old));
      largestW = Math.max(largestW, Math.abs(next));
    }
    // As sklearn: the gap is computed only once the steps have become small.
    if (largestW === 0 || largestStep / largestW < tol || iter === maxIter) {
      gap = dualityGap(columns, residual, w, y, l1, l2);
      if (gap < tolerance) break;
    }
  }
  return { coef: w, nIter: iter, gap: gap / (yNorm2 || 1), converged: gap < tolerance };
}

/** Primal minus dual objective (sklearn's formula): zero exactly at the optimum. */
function dualityGap(
  columns: Float64Array[],
  residual: Float64Array,
  w: Float64Array,
  y: Float64Array,
  l1: number,
  l2: number,
): number {
  let dualNorm = 0;
  columns.forEach((column, j) => {
    dualNorm = Math.max(dualNorm, Math.abs(dot(column, residual) - l2 * w[j]));
  });
  const residualNorm2 = dot(residual, residual);
  const wNorm2 = dot(w, w);
  const shrink = dualNorm > l1 ? l1 / dualNorm : 1;
  let gap = dualNorm > l1 ? 0.5 * residualNorm2 * (1 + shrink * shrink) : residualNorm2;
  const l1Norm = w.reduce((sum, value) => sum + Math.abs(value), 0);
  gap += l1 * l1Norm - shrink * dot(residual, y) + 0.5 * l2 * (1 + shrink * shrink) * wNorm2;
  return gap;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
