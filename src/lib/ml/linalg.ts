/**
 * Small dense linear algebra in float64 JavaScript, for the sizes where it beats a round
 * trip through tfjs (and keeps full precision): covariance of narrow data, the symmetric
 * eigenproblem up to a few hundred dimensions, orthonormalising a block of vectors.
 * Matrices are row-major Float64Arrays.
 */
import type { DenseMatrix } from './input';

/** Column means of `m`. */
export function columnMeans(m: DenseMatrix): Float64Array {
  const mean = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) {
    const offset = i * m.cols;
    for (let j = 0; j < m.cols; j++) mean[j] += m.data[offset + j];
  }
  for (let j = 0; j < m.cols; j++) mean[j] /= m.rows;
  return mean;
}

/** A copy of `m` with `mean` subtracted from every row. */
export function centered(m: DenseMatrix, mean: Float64Array): DenseMatrix {
  const data = new Float64Array(m.data.length);
  for (let i = 0; i < m.rows; i++) {
    const offset = i * m.cols;
    for (let j = 0; j < m.cols; j++) data[offset + j] = m.data[offset + j] - mean[j];
  }
  return { rows: m.rows, cols: m.cols, data };
}

/** XᵀX / divisor for an already centred X (d × d, symmetric). */
export function scatterMatrix(X: DenseMatrix, divisor: number): Float64Array {
  const d = X.cols;
  const out = new Float64Array(d * d);
  // Upper triangle row by row: the inner loop runs over contiguous memory.
  for (let i = 0; i < X.rows; i++) {
    const offset = i * d;
    for (let a = 0; a < d; a++) {
      const xa = X.data[offset + a];
      if (xa === 0) continue;
      const rowA = a * d;
      for (let b = a; b < d; b++) out[rowA + b] += xa * X.data[offset + b];
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const value = out[a * d + b] / divisor;
      out[a * d + b] = value;
      out[b * d + a] = value;
    }
  }
  return out;
}

export interface Eigen {
  /** Descending. */
  values: Float64Array;
  /** vectors[i] is the unit eigenvector of values[i]. */
  vectors: Float64Array[];
}

/**
 * All eigenpairs of a symmetric n × n matrix by cyclic Jacobi rotations: simple, accurate
 * to rounding, O(n³) per sweep and ~6–10 sweeps. Right up to n ≈ 200; beyond that the
 * subspace iteration in ./eigen-top.ts is used.
 */
export function symmetricEigen(matrix: Float64Array, n: number): Eigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diagonal = 0;
    for (let p = 0; p < n; p++) {
      diagonal += a[p * n + p] ** 2;
      for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    }
    if (off <= 1e-30 * diagonal || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(a, v, n, p, q);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i]);
  const values = Float64Array.from(order, (i) => a[i * n + i]);
  const vectors = order.map((col) => {
    const vector = new Float64Array(n);
    for (let r = 0; r < n; r++) vector[r] = v[r * n + col];
    return vector;
  });
  return { values, vectors };
}

/** One Jacobi rotation zeroing a[p][q] (Golub & Van Loan, algorithm 8.5.1). */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q];
  if (apq === 0) return;
  const tau = (a[q * n + q] - a[p * n + p]) / (2 * apq);
  const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
  const c = 1 / Math.sqrt(1 + t * t);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    // Columns p and q.
    const akp = a[k * n + p];
    const akq = a[k * n + q];
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    // Rows p and q.
    const apk = a[p * n + k];
    const aqk = a[q * n + k];
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  a[p * n + q] = 0;
  a[q * n + p] = 0;
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p];
    const vkq = v[k * n + q];
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}

/**
 * Orthonormalises the b rows (vectors of length d, contiguous) of a block in place:
 * modified Gram–Schmidt, twice ("twice is enough" in float64). A row that collapses
 * (linearly dependent) is replaced by a unit vector so the block keeps its size.
 */
export function orthonormalizeRows(block: Float64Array, b: number, d: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < b; j++) {
      const vj = block.subarray(j * d, (j + 1) * d);
      for (let i = 0; i < j; i++) {
        const vi = block.subarray(i * d, (i + 1) * d);
        let dot = 0;
        for (let r = 0; r < d; r++) dot += vi[r] * vj[r];
        for (let r = 0; r < d; r++) vj[r] -= dot * vi[r];
      }
      let norm = 0;
      for (let r = 0; r < d; r++) norm += vj[r] * vj[r];
      norm = Math.sqrt(norm);
      if (norm < 1e-150) {
        vj.fill(0);
        vj[j % d] = 1;
        continue;
      }
      for (let r = 0; r < d; r++) vj[r] /= norm;
    }
  }
}

/** A (r × m) · B (m × c), row-major. */
export function multiply(
  a: Float64Array,
  b: Float64Array,
  r: number,
  m: number,
  c: number,
): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      const rowB = k * c;
      const rowOut = i * c;
      for (let j = 0; j < c; j++) out[rowOut + j] += aik * b[rowB + j];
    }
  }
  return out;
}
