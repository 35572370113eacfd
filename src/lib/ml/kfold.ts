/**
 * `ml.kfold`: k-fold cross-validation. Every row is tested exactly once, by a model trained
 * on the other k − 1 folds. As scikit-learn's `KFold`: the first `n % k` folds hold one row
 * more than the others. With `stratify`, each fold keeps the class proportions (rows of each
 * class are dealt to the folds in turn).
 */
import { toLabels, type LabelsInput } from './input';
import { createRng, range } from './rng';

export interface KFoldOptions {
  /** Default 0. */
  seed?: number;
  /** Shuffle rows before cutting the folds. Default true. */
  shuffle?: boolean;
  /** Class labels: keep their proportions in every fold. */
  stratify?: LabelsInput;
}

export interface Fold {
  train: number[];
  test: number[];
}

/**
 * @example
 * for (const { train, test } of ml.kfold(X.length, 5)) {
 *   // fit on rows `train`, score on rows `test`
 * }
 */
export function kfold(n: number, k: number, options: KFoldOptions = {}): Fold[] {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`kfold(n, k): n must be a row count, got ${n}`);
  if (!Number.isInteger(k) || k < 2)
    throw new RangeError(`kfold(n, k): k must be 2 or more, got ${k}`);
  if (k > n) throw new RangeError(`kfold(n, k): k = ${k} folds need at least ${k} rows, got ${n}`);
  const { seed = 0, shuffle = true, stratify } = options;
  const rng = createRng(seed);
  const order = shuffle ? rng.shuffleInPlace(range(n)) : range(n);
  const foldOf = stratify
    ? stratifiedFolds(order, toLabels(stratify, 'stratify'), n, k)
    : contiguousFolds(n, k);
  const tests: number[][] = Array.from({ length: k }, () => []);
  order.forEach((row, position) => tests[foldOf[position]].push(row));
  return tests.map((test) => {
    const inTest = new Set(test);
    const sortedTest = [...test].sort((a, b) => a - b);
    return { train: range(n).filter((i) => !inTest.has(i)), test: sortedTest };
  });
}

/** Fold number for each position of `order`: sizes n/k, the first n % k one larger. */
function contiguousFolds(n: number, k: number): number[] {
  const base = Math.floor(n / k);
  const extra = n % k;
  const fold: number[] = [];
  for (let f = 0; f < k; f++) {
    const size = base + (f < extra ? 1 : 0);
    for (let i = 0; i < size; i++) fold.push(f);
  }
  return fold;
}

/** Deals the rows of each class to folds 0, 1, …, k − 1 in turn, continuing across classes. */
function stratifiedFolds(order: number[], labels: unknown[], n: number, k: number): number[] {
  if (labels.length !== n)
    throw new RangeError(`stratify has ${labels.length} labels for ${n} rows`);
  const positionsByClass = new Map<unknown, number[]>();
  order.forEach((row, position) => {
    const label = labels[row];
    const list = positionsByClass.get(label);
    if (list) list.push(position);
    else positionsByClass.set(label, [position]);
  });
  const fold = new Array<number>(n);
  let next = 0;
  for (const positions of positionsByClass.values()) {
    for (const position of positions) {
      fold[position] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}
