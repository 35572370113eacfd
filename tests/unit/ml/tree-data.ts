/** Test data for the tree and forest tests, read from the course's own CSV files. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function readTable(file: string) {
  const [header, ...lines] = readFileSync(root + file, 'utf8')
    .trim()
    .split('\n');
  const rows = lines.map((line) => line.split(','));
  return { header: header.split(','), rows };
}

/** Iris, classes numbered like sklearn (alphabetical: setosa 0, versicolor 1, virginica 2). */
export function iris(): { X: number[][]; y: number[] } {
  const { rows } = readTable('datasets/iris.csv');
  const names = [...new Set(rows.map((r) => r[4]))].sort();
  return { X: rows.map((r) => r.slice(0, 4).map(Number)), y: rows.map((r) => names.indexOf(r[4])) };
}

/** Breast cancer with sklearn's target (malignant 0, benign 1) and sklearn's split. */
export function breastCancer() {
  const { rows } = readTable('datasets/breast-cancer.csv');
  const X = rows.map((r) => r.slice(0, 30).map(Number));
  const y = rows.map((r) => (r[30] === 'malignant' ? 0 : 1));
  const split = JSON.parse(
    readFileSync(root + 'tests/unit/ml/fixtures/breast-cancer-split.json', 'utf8'),
  ) as { train: number[]; test: number[] };
  const pick = <T>(items: T[], indices: number[]) => indices.map((i) => items[i]);
  return {
    Xtrain: pick(X, split.train),
    ytrain: pick(y, split.train),
    Xtest: pick(X, split.test),
    ytest: pick(y, split.test),
  };
}
