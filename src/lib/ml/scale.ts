/**
 * `ml.standardize`: give every feature mean 0 and standard deviation 1, so that features in
 * large units (grams) do not outweigh those in small ones (millimetres) in distances and
 * gradients.
 *
 * Mean and deviation come from the training rows only and are then applied to the test
 * rows: using test rows to fit the scaler would leak information about them. The deviation
 * is the population one (divide by n), as scikit-learn's `StandardScaler`; a constant
 * feature keeps deviation 1 (it becomes all zeros instead of NaN).
 */
import { toDense, type DenseMatrix, type MatrixInput } from './input';

export interface Standardized {
  Xtrain: number[][];
  /** Present when `Xtest` was given. */
  Xtest?: number[][];
  /** Per feature, from the training rows. */
  mean: number[];
  /** Per feature, from the training rows (1 for a constant feature). */
  std: number[];
  /** Applies the same shift and scale to other rows. */
  transform(X: MatrixInput): number[][];
}

/**
 * @example
 * const scaled = ml.standardize(Xtrain, Xtest)
 * scaled.mean  // per-feature means of the training rows
 */
export function standardize(Xtrain: MatrixInput, Xtest?: MatrixInput): Standardized {
  const train = toDense(Xtrain, 'Xtrain');
  const { mean, std } = columnMeanStd(train);
  const transform = (X: MatrixInput): number[][] => {
    const m = toDense(X, 'X');
    if (m.cols !== train.cols) {
      throw new RangeError(`X has ${m.cols} features but the scaler was fit on ${train.cols}`);
    }
    return scaleRows(m, mean, std);
  };
  const result: Standardized = { Xtrain: scaleRows(train, mean, std), mean, std, transform };
  if (Xtest !== undefined) {
    const test = toDense(Xtest, 'Xtest');
    if (test.cols !== train.cols) {
      throw new RangeError(`Xtest has ${test.cols} features but Xtrain has ${train.cols}`);
    }
    result.Xtest = scaleRows(test, mean, std);
  }
  return result;
}

export function columnMeanStd(m: DenseMatrix): { mean: number[]; std: number[] } {
  const mean = new Array<number>(m.cols).fill(0);
  const squares = new Array<number>(m.cols).fill(0);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) mean[j] += m.data[i * m.cols + j];
  }
  for (let j = 0; j < m.cols; j++) {
    mean[j] /= m.rows;
    // Summing n copies of 0.1 and dividing does not give back exactly 0.1: a constant column
    // keeps its own value as mean, so it standardizes to exact zeros.
    if (isConstantColumn(m, j)) mean[j] = m.data[j];
  }
  // Two passes (sum of squared deviations) rather than E[x²] − E[x]²: no cancellation.
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) squares[j] += (m.data[i * m.cols + j] - mean[j]) ** 2;
  }
  // A constant column can still show a deviation of ~1e-16 × its value from rounding.
  const std = squares.map((s, j) => {
    const sd = Math.sqrt(s / m.rows);
    return sd > 1e-12 * Math.max(1, Math.abs(mean[j])) ? sd : 1;
  });
  return { mean, std };
}

function isConstantColumn(m: DenseMatrix, j: number): boolean {
  for (let i = 1; i < m.rows; i++) if (m.data[i * m.cols + j] !== m.data[j]) return false;
  return true;
}

function scaleRows(m: DenseMatrix, mean: readonly number[], std: readonly number[]): number[][] {
  const out: number[][] = new Array<number[]>(m.rows);
  for (let i = 0; i < m.rows; i++) {
    const row = new Array<number>(m.cols);
    for (let j = 0; j < m.cols; j++) row[j] = (m.data[i * m.cols + j] - mean[j]) / std[j];
    out[i] = row;
  }
  return out;
}
