/**
 * The feature matrix and class targets a tree is fitted on, checked and laid out for the
 * split search: one Float64Array per feature (the search reads a column at a time).
 */
import { describe, unwrapTensor } from './metrics-labels';

/** Rows of numbers: an array of arrays, or a 2-D tfjs tensor. */
export type MatrixInput = readonly (readonly unknown[])[] | { arraySync(): unknown };

export interface FeatureColumns {
  nRows: number;
  nFeatures: number;
  /** columns[j][i] = X[i][j]. */
  columns: Float64Array[];
}

/**
 * Reads X as columns. Missing values (null, NaN) are refused with the row and column,
 * because a tree has no rule for them here: fill or drop them first.
 */
export function toColumns(X: unknown, what = 'X'): FeatureColumns {
  const rows = unwrapTensor(X);
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new TypeError(`${what} must be a non-empty array of rows, got ${describe(rows)}`);
  }
  const first: unknown = rows[0];
  if (!Array.isArray(first) && !ArrayBuffer.isView(first)) {
    throw new TypeError(
      `${what} must be rows of numbers (an array of arrays); ${what}[0] is ${describe(first)}. ` +
        `For one feature, write X.map((x) => [x])`,
    );
  }
  const nFeatures = (first as ArrayLike<unknown>).length;
  const columns = Array.from({ length: nFeatures }, () => new Float64Array(rows.length));
  rows.forEach((row: unknown, i) => {
    const cells = row as ArrayLike<unknown>;
    if ((!Array.isArray(row) && !ArrayBuffer.isView(row)) || cells.length !== nFeatures) {
      throw new RangeError(`${what}[${i}] must have ${nFeatures} numbers like ${what}[0]`);
    }
    for (let j = 0; j < nFeatures; j++) {
      const value = cells[j];
      if (typeof value !== 'number' || Number.isNaN(value)) {
        throw new TypeError(
          `${what}[${i}][${j}] is ${String(value)}: trees need numbers everywhere ` +
            `(fill or drop missing values first)`,
        );
      }
      columns[j][i] = value;
    }
  });
  return { nRows: rows.length, nFeatures, columns };
}

/** The distinct classes (sorted) and each row's index into them. */
export function encodeClasses(y: unknown, nRows: number): { classes: number[]; index: Int32Array } {
  const values = unwrapTensor(y);
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    throw new TypeError(`y must be an array of class labels, got ${describe(values)}`);
  }
  const labels = Array.from(values as ArrayLike<unknown>, (v, i) => {
    const label = Array.isArray(v) && v.length === 1 ? (v[0] as unknown) : v;
    if (typeof label === 'boolean') return label ? 1 : 0;
    if (typeof label !== 'number' || !Number.isFinite(label)) {
      throw new TypeError(
        `y[${i}] is ${JSON.stringify(label)}: class labels must be numbers ` +
          `(turn names into indices, e.g. names.indexOf(label))`,
      );
    }
    return label;
  });
  if (labels.length !== nRows) {
    throw new RangeError(`X and y must have the same length, got ${nRows} and ${labels.length}`);
  }
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  const position = new Map(classes.map((label, k) => [label, k]));
  return { classes, index: Int32Array.from(labels, (label) => position.get(label) ?? -1) };
}

/** What `classWeight` can be: 'balanced', or a weight per class label (others weigh 1). */
export type ClassWeight = 'balanced' | Readonly<Record<number, number>>;

/**
 * One weight per class index. 'balanced' is sklearn's n / (nClasses · count(class)), so
 * every class carries the same total weight however rare it is.
 */
export function classWeights(
  option: ClassWeight | undefined,
  classes: readonly number[],
  index: Int32Array,
  rows: ArrayLike<number> = index.map((_, i) => i),
): number[] {
  if (option === undefined) return classes.map(() => 1);
  if (option === 'balanced') {
    const counts = classes.map(() => 0);
    for (let r = 0; r < rows.length; r++) counts[index[rows[r]]]++;
    return counts.map((count) => (count === 0 ? 1 : rows.length / (classes.length * count)));
  }
  if (typeof option !== 'object' || option === null) {
    throw new TypeError(`classWeight must be 'balanced' or { label: weight }, got ${option}`);
  }
  return classes.map((label) => {
    const weight = option[label] ?? 1;
    if (typeof weight !== 'number' || !(weight >= 0)) {
      throw new RangeError(`classWeight[${label}] must be a number >= 0, got ${weight}`);
    }
    return weight;
  });
}
