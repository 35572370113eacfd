/**
 * Class labels for the classifiers that take names as well as numbers (LogisticRegression,
 * KNeighbors, GradientBoosting): each row's label becomes an index into `classes`, sorted
 * like scikit-learn's `np.unique` (numbers ascending, then strings), so `predictProba`'s
 * columns come in the same order as sklearn's `classes_`.
 */
import { checkSameRows } from './input';
import { sortedUnique, toLabels } from './metrics-labels';

export type ClassLabel = number | string;

export interface EncodedClasses {
  /** The distinct labels, sorted: the columns of predictProba. */
  classes: ClassLabel[];
  /** Each row's position in `classes`. */
  index: Int32Array;
}

/**
 * Reads y (numbers, strings or booleans), checks it has one label per row of X and at
 * least two classes (a classifier has nothing to learn from one).
 */
export function encodeClassLabels(y: unknown, nRows: number, model: string): EncodedClasses {
  const labels = toLabels(y, 'y');
  checkSameRows(nRows, labels.length);
  const classes = sortedUnique(labels);
  if (classes.length < 2) {
    throw new RangeError(
      `y has one class only (${JSON.stringify(classes[0])}): ${model} needs at least two ` +
        `classes to tell apart`,
    );
  }
  const position = new Map(classes.map((label, k) => [label, k]));
  return { classes, index: Int32Array.from(labels, (label) => position.get(label) ?? -1) };
}

/** Fraction of rows whose label equals the prediction (labels compared as read). */
export function accuracyOf(predicted: readonly ClassLabel[], y: unknown): number {
  const truth = toLabels(y, 'y');
  checkSameRows(predicted.length, truth.length, 'X and y');
  return predicted.filter((label, i) => label === truth[i]).length / predicted.length;
}

/** sklearn's class_weight: 'balanced' (n / (nClasses · count)), or a weight per label. */
export type ClassWeightOption = 'balanced' | Readonly<Record<string, number>>;

/** One weight per row from the class-weight option (1 everywhere when there is none). */
export function rowWeights(
  option: ClassWeightOption | undefined,
  classes: readonly ClassLabel[],
  index: Int32Array,
): Float64Array {
  const perClass = classes.map(() => 1);
  if (option === 'balanced') {
    const counts = classes.map(() => 0);
    for (const k of index) counts[k]++;
    counts.forEach((count, k) => (perClass[k] = index.length / (classes.length * count)));
  } else if (typeof option === 'object' && option !== null) {
    classes.forEach((label, k) => {
      const weight = option[String(label)] ?? 1;
      if (typeof weight !== 'number' || !(weight >= 0)) {
        throw new RangeError(`classWeight[${label}] must be a number >= 0, got ${weight}`);
      }
      perClass[k] = weight;
    });
  } else if (option !== undefined) {
    throw new TypeError(
      `classWeight must be 'balanced' or { label: weight }, got ${String(option)}`,
    );
  }
  return Float64Array.from(index, (k) => perClass[k]);
}
