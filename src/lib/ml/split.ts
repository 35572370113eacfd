/**
 * `ml.trainTestSplit`: hold back part of the data to measure a model on rows it never saw.
 *
 * Like scikit-learn's `train_test_split`: the test set has `ceil(testSize * n)` rows, rows are
 * shuffled by a seeded generator, and `stratify` keeps each class's share the same in both
 * parts (largest-remainder rounding per class). The row numbers are returned too, so other
 * columns (or `rows` of a dataset) can be split the same way.
 */
import { toLabels, toRows, type Label, type LabelsInput, type MatrixInput } from './input';
import { createRng, range, type Rng } from './rng';

export interface SplitOptions {
  /** Share of rows for testing (0–1), or a row count (a whole number ≥ 1). Default 0.25. */
  testSize?: number;
  /** Default 0: the same split every run. */
  seed?: number;
  /** Keep class proportions equal in train and test (uses `y` as the classes). */
  stratify?: boolean;
}

export interface TrainTestSplit<L extends Label> {
  Xtrain: number[][];
  Xtest: number[][];
  ytrain: L[];
  ytest: L[];
  /** Which rows of `X` went to training, in the order of `Xtrain`. */
  trainIndices: number[];
  /** Which rows of `X` went to testing, in the order of `Xtest`. */
  testIndices: number[];
}

/**
 * @example
 * const { Xtrain, Xtest, ytrain, ytest } =
 *   ml.trainTestSplit(X, y, { testSize: 0.2, stratify: true })
 */
export function trainTestSplit<L extends Label = number>(
  X: MatrixInput,
  y: readonly L[] | LabelsInput,
  options: SplitOptions = {},
): TrainTestSplit<L> {
  const rows = toRows(X, 'X');
  const labels = toLabels(y as LabelsInput, 'y') as L[];
  if (labels.length !== rows.length) {
    throw new RangeError(`X has ${rows.length} rows but y has ${labels.length} labels`);
  }
  const { testSize = 0.25, seed = 0, stratify = false } = options;
  const n = rows.length;
  const nTest = testCount(testSize, n);
  const rng = createRng(seed);
  const { train, test } = stratify
    ? stratifiedIndices(labels, nTest, rng)
    : shuffledIndices(n, nTest, rng);
  return {
    Xtrain: train.map((i) => rows[i]),
    Xtest: test.map((i) => rows[i]),
    ytrain: train.map((i) => labels[i]),
    ytest: test.map((i) => labels[i]),
    trainIndices: train,
    testIndices: test,
  };
}

function testCount(testSize: number, n: number): number {
  if (!Number.isFinite(testSize) || testSize <= 0) {
    throw new RangeError(
      `testSize must be a share between 0 and 1 or a row count, got ${testSize}`,
    );
  }
  const count = testSize < 1 ? Math.ceil(testSize * n) : testSize;
  if (testSize >= 1 && !Number.isInteger(testSize)) {
    throw new RangeError(`testSize above 1 is a row count and must be whole, got ${testSize}`);
  }
  if (count >= n) {
    throw new RangeError(`testSize ${testSize} leaves no rows for training (${n} rows in all)`);
  }
  return count;
}

function shuffledIndices(n: number, nTest: number, rng: Rng): { train: number[]; test: number[] } {
  const order = rng.shuffleInPlace(range(n));
  return { test: order.slice(0, nTest), train: order.slice(nTest) };
}

/**
 * Each class gives `share × its size` rows to the test set; the rows left over by rounding
 * down go to the classes with the largest remainders (ties: the larger class, then the first
 * seen), so the total is exactly `nTest`.
 */
function stratifiedIndices(
  labels: readonly Label[],
  nTest: number,
  rng: Rng,
): { train: number[]; test: number[] } {
  const byClass = new Map<Label, number[]>();
  labels.forEach((label, i) => {
    const members = byClass.get(label);
    if (members) members.push(i);
    else byClass.set(label, [i]);
  });
  const groups = [...byClass.values()];
  const n = labels.length;
  const exact = groups.map((members) => (members.length * nTest) / n);
  const quota = exact.map(Math.floor);
  let left = nTest - quota.reduce((a, b) => a + b, 0);
  const byRemainder = range(groups.length).sort(
    (a, b) =>
      exact[b] - quota[b] - (exact[a] - quota[a]) || groups[b].length - groups[a].length || a - b,
  );
  for (const g of byRemainder) {
    if (left === 0) break;
    if (quota[g] < groups[g].length) {
      quota[g] += 1;
      left -= 1;
    }
  }
  const train: number[] = [];
  const test: number[] = [];
  groups.forEach((members, g) => {
    const shuffled = rng.shuffleInPlace([...members]);
    test.push(...shuffled.slice(0, quota[g]));
    train.push(...shuffled.slice(quota[g]));
  });
  // Mix the classes, so the rows are not grouped by label.
  return { train: rng.shuffleInPlace(train), test: rng.shuffleInPlace(test) };
}
