/**
 * `ml.shapley`: how much each feature moved one prediction away from the average
 * prediction. Interventional Shapley values: a coalition S of features is "present" when
 * they take the explained row's values while the others take a background row's values,
 * averaged over the background rows (./shapley-coalitions.ts). φ_j averages feature j's
 * marginal contribution over every order of adding features, so the values add up
 * (efficiency): Σ_j φ_j = f(x) − mean f(background).
 *
 * 'exact' evaluates all 2^d coalitions, (2^d · background rows) predictions per explained
 * row, so it is for up to EXACT_MAX_FEATURES features; 'kernel' is KernelSHAP
 * (./shapley-kernel.ts); 'auto' picks exact when it is affordable.
 */
import { toDense, toRows, type MatrixInput } from './input';
import { outputOf, type ModelInput, type OutputChoice, type Rows } from './model-output';
import { createRng } from './rng';
import { binomial, coalitionValues } from './shapley-coalitions';
import { kernelDesign, kernelFit } from './shapley-kernel';

export interface ShapleyOptions {
  /** Rows that stand for "feature unknown": typically 50–100 training rows. */
  background: MatrixInput;
  /** Default 'auto': exact up to EXACT_MAX_FEATURES features, KernelSHAP above. */
  method?: 'auto' | 'exact' | 'kernel';
  /** Which number to explain (see model-output.ts). Default: P(class 1) or predict. */
  output?: OutputChoice;
  /** KernelSHAP coalitions per row. Default 2 · features + 2048, as the shap package. */
  nSamples?: number;
  /** Seeds KernelSHAP's coalition draws. */
  seed?: number;
}

export interface Shapley {
  /** values[i][j]: feature j's contribution to row i's prediction. */
  values: number[][];
  /** The mean prediction over the background: where every explanation starts. */
  baseline: number;
  /** The explained rows' predictions: baseline + the row's values, summed. */
  predictions: number[];
  method: 'exact' | 'kernel';
}

/** 2^12 coalitions × 100 background rows is ~400,000 predictions per explained row. */
export const EXACT_MAX_FEATURES = 12;
/** Past this, exact is refused even on request: 2^16 coalitions per row. */
const EXACT_LIMIT = 16;

/**
 * @example
 * const { values, baseline } = ml.shapley(forest, Xtest.slice(0, 5), {
 *   background: Xtrain.slice(0, 100),
 * })
 * values[0]   // one number per feature for the first row
 */
export function shapley(model: ModelInput, X: MatrixInput, options: ShapleyOptions): Shapley {
  const f = outputOf(model, options?.output ?? 'auto');
  const rows = toRows(X, 'X');
  if (options?.background === undefined) {
    throw new TypeError('shapley needs options.background: rows that stand for a missing feature');
  }
  const background = toRows(options.background, 'background');
  const d = rows[0].length;
  if (toDense(options.background, 'background').cols !== d) {
    throw new RangeError(`background has ${background[0].length} features but X has ${d}`);
  }
  const method = chooseMethod(options.method ?? 'auto', d);
  const baseline = mean(f(background));
  const predictions = f(rows);
  const values =
    method === 'exact'
      ? rows.map((x) => exactRow(f, x, background))
      : kernelRows(f, rows, background, baseline, predictions, options);
  return { values, baseline, predictions, method };
}

function chooseMethod(requested: string, d: number): 'exact' | 'kernel' {
  if (requested === 'auto') return d <= EXACT_MAX_FEATURES ? 'exact' : 'kernel';
  if (requested === 'kernel') return 'kernel';
  if (requested !== 'exact') {
    throw new RangeError(`method must be 'auto', 'exact' or 'kernel', got ${requested}`);
  }
  if (d > EXACT_LIMIT) {
    throw new RangeError(
      `exact Shapley values over ${d} features need 2^${d} coalitions per row: use method: 'kernel'`,
    );
  }
  return 'exact';
}

/** φ_j = Σ_{S ∌ j} |S|! (d − |S| − 1)! / d! · (v(S ∪ {j}) − v(S)). */
function exactRow(f: (X: Rows) => number[], x: number[], background: Rows): number[] {
  const d = x.length;
  const count = 2 ** d;
  const masks = Array.from({ length: count }, (_, m) =>
    Uint8Array.from({ length: d }, (_, j) => (m >> j) & 1),
  );
  const v = coalitionValues(f, x, background, masks);
  const size = masks.map((mask) => mask.reduce((a, b) => a + b, 0));
  const weight = Array.from({ length: d }, (_, s) => 1 / (d * binomial(d - 1, s)));
  return Array.from({ length: d }, (_, j) => {
    const bit = 1 << j;
    let phi = 0;
    for (let m = 0; m < count; m++) {
      if (!(m & bit)) phi += weight[size[m]] * (v[m | bit] - v[m]);
    }
    return phi;
  });
}

function kernelRows(
  f: (X: Rows) => number[],
  rows: Rows,
  background: Rows,
  baseline: number,
  predictions: number[],
  options: ShapleyOptions,
): number[][] {
  const d = rows[0].length;
  const nSamples = options.nSamples ?? 2 * d + 2048;
  if (!Number.isInteger(nSamples) || nSamples < 2) {
    throw new RangeError(`nSamples must be a whole number >= 2, got ${nSamples}`);
  }
  const design = kernelDesign(d, nSamples, createRng(options.seed ?? 0));
  return rows.map((x, i) => {
    const values = coalitionValues(f, x, background, design.masks);
    return kernelFit(design, values, baseline, predictions[i]);
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}
