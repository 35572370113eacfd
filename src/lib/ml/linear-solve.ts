/**
 * The closed-form fits behind LinearModel's 'none' and 'l2' penalties, on data already
 * centred (so the intercept is not penalised, as in scikit-learn):
 *   minimise ‖y − Xw‖² + α‖w‖²   (α = 0: ordinary least squares).
 *
 * The normal equations are solved through an eigendecomposition of the Gram matrix of X
 * with each column scaled to unit length first: the scaling keeps the condition number
 * from being squared by wildly different units (grams beside millimetres), and the
 * eigenvalues let a rank-deficient X (all one-hot columns beside an intercept) get the
 * least-norm solution, as numpy's lstsq does, instead of a division by zero.
 */
import { symmetricEigen } from './linalg';
import type { DenseMatrix } from './input';

/** Eigenvalues below this fraction of the largest are treated as zero (rank deficiency). */
const RANK_CUTOFF = 1e-12;

export function solveRidge(X: DenseMatrix, y: Float64Array, alpha: number): Float64Array {
  const { rows, cols, data } = X;
  const scale = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) scale[j] += data[i * cols + j] ** 2;
  }
  for (let j = 0; j < cols; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  // With w = v / scale: (ZᵀZ + α·diag(1/scale²)) v = Zᵀy, Z = X / scale.
  const gram = new Float64Array(cols * cols);
  const rhs = new Float64Array(cols);
  const z = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) z[j] = data[i * cols + j] / scale[j];
    for (let a = 0; a < cols; a++) {
      if (z[a] === 0) continue;
      rhs[a] += z[a] * y[i];
      for (let b = a; b < cols; b++) gram[a * cols + b] += z[a] * z[b];
    }
  }
  for (let a = 0; a < cols; a++) {
    gram[a * cols + a] += alpha / scale[a] ** 2;
    for (let b = a + 1; b < cols; b++) gram[b * cols + a] = gram[a * cols + b];
  }
  const { values, vectors } = symmetricEigen(gram, cols);
  const v = new Float64Array(cols);
  values.forEach((value, k) => {
    if (!(value > RANK_CUTOFF * values[0])) return;
    const u = vectors[k];
    let projection = 0;
    for (let j = 0; j < cols; j++) projection += u[j] * rhs[j];
    for (let j = 0; j < cols; j++) v[j] += (projection / value) * u[j];
  });
  return v.map((value, j) => value / scale[j]);
}
