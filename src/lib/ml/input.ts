/**
 * What `ml.*` accepts and how it becomes plain numbers.
 *
 * Learners pass `number[][]` from `datasets.load`, or tfjs tensors they made themselves.
 * Tensors are recognised by shape (duck typing, as in ../tensor.ts) so this module does not
 * depend on which tfjs instance made them. Everything is checked up front, so a missing
 * value or a ragged row fails here with its position, not as a NaN three steps later.
 */
import { isTensorLike, type TensorLike } from '../tensor';

/** A table of numbers: one row per sample, one column per feature. */
export type MatrixInput = readonly (readonly number[])[] | TensorLike;
/** One number per sample. */
export type VectorInput = readonly number[] | TensorLike;
/** One label per sample: class numbers or names. */
export type Label = number | string;
export type LabelsInput = readonly Label[] | TensorLike;

/** A dense row-major matrix in float64: the working form inside `ml`. */
export interface DenseMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Rows of numbers, copied and checked (rectangular, finite). */
export function toRows(X: MatrixInput, name = 'X'): number[][] {
  const dense = toDense(X, name);
  return denseToRows(dense);
}

/** The matrix as one Float64Array, checked: rectangular, at least one row, finite numbers. */
export function toDense(X: MatrixInput, name = 'X'): DenseMatrix {
  if (isTensorLike(X)) return tensorToDense(X, name);
  if (!Array.isArray(X)) throw new TypeError(`${name} must be an array of rows (number[][])`);
  const rows = X.length;
  if (rows === 0) throw new RangeError(`${name} has no rows`);
  const first: unknown = X[0];
  if (!Array.isArray(first)) {
    throw new TypeError(
      `${name} must be an array of rows (number[][]); ${name}[0] is not an array`,
    );
  }
  const cols = first.length;
  if (cols === 0) throw new RangeError(`${name} has no columns`);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row: unknown = X[i];
    if (!Array.isArray(row)) throw new TypeError(`${name}[${i}] is not an array`);
    if (row.length !== cols) {
      throw new RangeError(`${name}[${i}] has ${row.length} values, but ${name}[0] has ${cols}`);
    }
    for (let j = 0; j < cols; j++)
      data[i * cols + j] = checkedNumber(row[j], `${name}[${i}][${j}]`);
  }
  return { rows, cols, data };
}

/** Numbers, copied and checked. */
export function toNumbers(v: VectorInput, name = 'y'): number[] {
  const values = isTensorLike(v) ? Array.from(v.dataSync(), Number) : v;
  if (!Array.isArray(values)) throw new TypeError(`${name} must be an array of numbers`);
  return values.map((value: unknown, i) => checkedNumber(value, `${name}[${i}]`));
}

/** Labels (numbers or strings), copied; a tensor gives numbers. */
export function toLabels(y: LabelsInput, name = 'y'): Label[] {
  if (isTensorLike(y)) {
    if (y.shape.length !== 1) throw new RangeError(`${name} must be 1-D, got shape [${y.shape}]`);
    return Array.from(y.dataSync(), Number);
  }
  if (!Array.isArray(y)) throw new TypeError(`${name} must be an array of labels`);
  return y.map((label: unknown, i) => {
    if (typeof label === 'number' && Number.isFinite(label)) return label;
    if (typeof label === 'string') return label;
    throw new TypeError(`${name}[${i}] must be a number or a string, got ${String(label)}`);
  });
}

/** Says which is short when X and y (or any per-row inputs) do not have one value per row. */
export function checkSameRows(rows: number, values: number, names = 'X and y'): void {
  if (rows !== values) {
    throw new RangeError(`${names} must have the same number of rows, got ${rows} and ${values}`);
  }
}

export function denseToRows(m: DenseMatrix): number[][] {
  const out: number[][] = new Array<number[]>(m.rows);
  for (let i = 0; i < m.rows; i++)
    out[i] = Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols));
  return out;
}

function tensorToDense(t: TensorLike, name: string): DenseMatrix {
  if (t.isDisposed) throw new Error(`${name} is a disposed tensor: its values are gone`);
  if (t.shape.length !== 2) {
    throw new RangeError(
      `${name} must be a 2-D tensor [samples, features], got shape [${t.shape}]`,
    );
  }
  const [rows, cols] = t.shape;
  if (rows === 0 || cols === 0) throw new RangeError(`${name} is empty (shape [${t.shape}])`);
  const data = Float64Array.from(t.dataSync(), Number);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      const at = `${name}[${Math.floor(i / cols)}][${i % cols}]`;
      throw new RangeError(`${at} is ${data[i]}: ml needs finite numbers`);
    }
  }
  return { rows, cols, data };
}

function checkedNumber(value: unknown, at: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === null || value === undefined || Number.isNaN(value)) {
    throw new TypeError(`${at} is missing (${String(value)}): drop or fill missing values first`);
  }
  if (typeof value === 'string') {
    throw new TypeError(
      `${at} is the text ${JSON.stringify(value)}: that column needs numbers ` +
        `(one-hot encode a category, or convert numbers written as text with Number)`,
    );
  }
  throw new TypeError(
    `${at} must be a finite number, got ${JSON.stringify(value) ?? String(value)}`,
  );
}
