/** The course's CSV datasets as the linear, neighbour and boosting tests read them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function readRows(file: string): string[][] {
  return readFileSync(root + file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

/** datasets/diabetes.csv: 442 rows, 10 raw features (not sklearn's scaled ones), progression. */
export function diabetes(): { X: number[][]; y: number[] } {
  const rows = readRows('datasets/diabetes.csv').map((row) => row.map(Number));
  return { X: rows.map((row) => row.slice(0, 10)), y: rows.map((row) => row[10]) };
}

/** datasets/wine.csv: 178 rows, 13 features, cultivar 'class_0' … 'class_2'. */
export function wine(): { X: number[][]; y: string[] } {
  const rows = readRows('datasets/wine.csv');
  return { X: rows.map((row) => row.slice(0, 13).map(Number)), y: rows.map((row) => row[13]) };
}

/** Columns scaled to mean 0 and population deviation 1, as sklearn's StandardScaler. */
export function standardized(X: number[][]): number[][] {
  const n = X.length;
  const mean = X[0].map((_, j) => X.reduce((s, row) => s + row[j], 0) / n);
  const std = X[0].map((_, j) =>
    Math.sqrt(X.reduce((s, row) => s + (row[j] - mean[j]) ** 2, 0) / n),
  );
  return X.map((row) => row.map((value, j) => (value - mean[j]) / (std[j] || 1)));
}

/** Expects every value within `relative` of the reference (relative to the largest |reference|). */
export function closeTo(actual: readonly number[], expected: readonly number[], relative: number) {
  const scale = Math.max(...expected.map(Math.abs), 1e-300);
  const worst = Math.max(...expected.map((value, i) => Math.abs(actual[i] - value)));
  return actual.length === expected.length && worst <= relative * scale;
}
