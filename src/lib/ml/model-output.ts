/**
 * What the explaining helpers (permutation importance, Shapley values) accept as a model,
 * and the one number per row they read from it. A model is any fitted `ml` model (it has
 * `predict`, maybe `predictProba` and `score`), a model of the learner's own with the same
 * methods, or simply a function from rows to numbers.
 */

export type Rows = number[][];

export interface Predictor {
  predict(X: Rows): ArrayLike<unknown>;
  predictProba?(X: Rows): ArrayLike<ArrayLike<number>>;
  score?(X: Rows, y: number[]): number;
}

export type ModelInput = Predictor | ((X: Rows) => ArrayLike<unknown>);

/**
 * Which number per row to explain: 'predict' (a regressor's value, a classifier's label),
 * a class column of predictProba, or 'auto': the positive class's probability (column 1)
 * for a two-class model with predictProba, otherwise predict.
 */
export type OutputChoice = 'auto' | 'predict' | number;

export function checkModel(model: unknown): asserts model is ModelInput {
  if (typeof model === 'function') return;
  if (
    typeof model !== 'object' ||
    model === null ||
    typeof (model as Predictor).predict !== 'function'
  ) {
    throw new TypeError(
      'model must be a fitted model with predict(X) (e.g. an ml.RandomForest) or a function X => numbers',
    );
  }
}

/** A function from rows to one finite number per row, as `output` asks. */
export function outputOf(model: ModelInput, output: OutputChoice = 'auto'): (X: Rows) => number[] {
  checkModel(model);
  if (typeof model === 'function') return (X) => finite(model(X), X.length, 'the model');
  const proba = model.predictProba?.bind(model);
  if (output === 'predict' || (output === 'auto' && !proba)) {
    return (X) => finite(model.predict(X), X.length, 'predict(X)');
  }
  if (!proba) throw new TypeError(`output ${output} needs a model with predictProba(X)`);
  return (X) => {
    const rows = Array.from(proba(X));
    const columns = rows[0]?.length ?? 0;
    if (columns === 1) {
      throw new RangeError(
        'the model was fitted on one class only: its probability is always 1, so there is ' +
          'nothing to explain (fit it on labels with at least two classes)',
      );
    }
    const column = output === 'auto' ? (columns === 2 ? 1 : -1) : output;
    if (column === -1) {
      throw new RangeError(
        `the model has ${columns} classes: say which class's probability to explain, e.g. output: 0`,
      );
    }
    if (!Number.isInteger(column) || column < 0 || column >= columns) {
      throw new RangeError(`output must be a class column from 0 to ${columns - 1}, got ${column}`);
    }
    return finite(
      rows.map((row) => row[column]),
      X.length,
      'predictProba(X)',
    );
  };
}

function finite(values: ArrayLike<unknown>, rows: number, what: string): number[] {
  const numbers = Array.from(values, (value) =>
    typeof value === 'boolean' ? Number(value) : value,
  );
  if (numbers.length !== rows) {
    throw new RangeError(`${what} gave ${numbers.length} values for ${rows} rows`);
  }
  numbers.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new TypeError(`${what} gave ${String(value)} for row ${i}: expected finite numbers`);
    }
  });
  return numbers as number[];
}
