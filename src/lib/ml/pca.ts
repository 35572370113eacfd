/**
 * `ml.pca`: principal component analysis, the reference a learner's own PCA is checked
 * against. Matches scikit-learn's `PCA` (variance with n − 1, components as rows), up to the
 * sign of each component, which no method can fix: here the largest-magnitude entry of every
 * component is positive.
 *
 * How (chosen by size, so digits and fashion-mnist both take well under a second or two):
 * - covariance: float64 JS loops while n·d² is small (iris, digits); above that, one tfjs
 *   matMul XᵀX in float32 on the kernel's backend (12,000 × 784 ≈ 0.3 s on WASM);
 * - eigenvectors: Jacobi on the whole covariance for d ≤ 128 (exact, all pairs); above,
 *   block subspace iteration for the top k only (./eigen-top.ts), whose large products run
 *   on tfjs. A full 784 × 784 eigendecomposition in JS would take seconds.
 */
import { toDense, type DenseMatrix, type MatrixInput } from './input';
import {
  centered,
  columnMeans,
  multiply,
  scatterMatrix,
  symmetricEigen,
  type Eigen,
} from './linalg';
import { topEigen } from './eigen-top';
import { multiplyTf, scatterMatrixTf } from './tf-ops';

/** Above this many multiply-adds (n·d²), the covariance is computed with tfjs. */
const JS_SCATTER_BUDGET = 5e7;
/** Up to this many features, every eigenpair by Jacobi in float64. */
const JACOBI_MAX_DIM = 128;
/** Above this many multiply-adds, projections run on tfjs. */
const JS_PRODUCT_BUDGET = 2e7;

export interface PCA {
  /** k rows of length d: the directions of largest variance, unit length, orthogonal. */
  components: number[][];
  /** Variance of the data along each component (divided by n − 1). */
  explainedVariance: number[];
  /** Share of the total variance along each component. */
  explainedVarianceRatio: number[];
  /** The mean of each feature, subtracted before projecting. */
  mean: number[];
  /** Coordinates of rows of X along the components: (X − mean) · componentsᵀ, n × k. */
  transform(X: MatrixInput): number[][];
  /** Back from k coordinates to d features: Z · components + mean (a reconstruction). */
  inverseTransform(Z: MatrixInput): number[][];
}

/**
 * @example
 * const p = ml.pca(X, 2)
 * p.explainedVarianceRatio  // e.g. [0.92, 0.05] on iris
 * const points = p.transform(X)  // n × 2, ready to plot
 */
export function pca(X: MatrixInput, k?: number): PCA {
  const data = toDense(X, 'X');
  const { rows: n, cols: d } = data;
  const maxK = Math.min(n, d);
  const nComponents = k ?? maxK;
  if (!Number.isInteger(nComponents) || nComponents < 1 || nComponents > maxK) {
    throw new RangeError(`pca(X, k): k must be a whole number from 1 to ${maxK}, got ${k}`);
  }
  const mean = columnMeans(data);
  const Xc = centered(data, mean);
  const divisor = Math.max(1, n - 1);
  const covariance =
    n * d * d <= JS_SCATTER_BUDGET ? scatterMatrix(Xc, divisor) : scatterMatrixTf(Xc, divisor);
  let totalVariance = 0;
  for (let j = 0; j < d; j++) totalVariance += covariance[j * d + j];
  const eigen =
    d <= JACOBI_MAX_DIM ? symmetricEigen(covariance, d) : topEigen(covariance, d, nComponents);
  return fitted(eigen, nComponents, mean, totalVariance);
}

function fitted(eigen: Eigen, k: number, meanValues: Float64Array, totalVariance: number): PCA {
  const d = meanValues.length;
  const basis = new Float64Array(k * d);
  const components: number[][] = [];
  for (let i = 0; i < k; i++) {
    const vector = eigen.vectors[i];
    let largest = 0;
    for (let j = 1; j < d; j++) if (Math.abs(vector[j]) > Math.abs(vector[largest])) largest = j;
    const sign = vector[largest] < 0 ? -1 : 1;
    for (let j = 0; j < d; j++) basis[i * d + j] = sign * vector[j];
    components.push(Array.from(basis.subarray(i * d, (i + 1) * d)));
  }
  // Rounding can leave a zero eigenvalue slightly negative; a variance cannot be.
  const explainedVariance = Array.from(eigen.values.subarray(0, k), (v) => Math.max(0, v));
  const explainedVarianceRatio = explainedVariance.map((v) =>
    totalVariance > 0 ? v / totalVariance : 0,
  );
  const mean = Array.from(meanValues);

  const transform = (input: MatrixInput): number[][] => {
    const m = toDense(input, 'X');
    if (m.cols !== d) throw new RangeError(`X has ${m.cols} features but the PCA was fit on ${d}`);
    const Xc = centered(m, meanValues);
    // (X − mean) · Vᵀ: the transpose is d × k, built once per call (small).
    const basisT = new Float64Array(d * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < d; j++) basisT[j * k + i] = basis[i * d + j];
    return toRows(product(Xc, basisT, k), m.rows, k);
  };

  const inverseTransform = (input: MatrixInput): number[][] => {
    const z = toDense(input, 'Z');
    if (z.cols !== k)
      throw new RangeError(`Z has ${z.cols} columns but the PCA has ${k} components`);
    const out = product(z, basis, d);
    for (let i = 0; i < z.rows; i++) for (let j = 0; j < d; j++) out[i * d + j] += meanValues[j];
    return toRows(out, z.rows, d);
  };

  return {
    components,
    explainedVariance,
    explainedVarianceRatio,
    mean,
    transform,
    inverseTransform,
  };
}

function product(a: DenseMatrix, b: Float64Array, cols: number): Float64Array {
  const work = a.rows * a.cols * cols;
  return work <= JS_PRODUCT_BUDGET
    ? multiply(a.data, b, a.rows, a.cols, cols)
    : multiplyTf(a.data, b, a.rows, a.cols, cols);
}

function toRows(data: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) =>
    Array.from(data.subarray(i * cols, (i + 1) * cols)),
  );
}
