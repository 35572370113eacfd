/**
 * The data term of logistic regression and its gradient, as OWL-QN (./owlqn.ts) needs them,
 * averaged over rows so that one gradient tolerance suits any data size:
 *   (1/n)·Σᵢ sᵢ·ℓᵢ + (l2/2)·‖w‖²
 * with sᵢ the row weights (class weights) and the intercepts left out of the penalty.
 * scikit-learn minimises C·Σᵢ sᵢℓᵢ + ½‖w‖²: the same minimiser when l2 = 1/(C·n).
 *
 * Parameters are laid out one block per linear function: d weights, then the intercept.
 */
import type { DenseMatrix } from './input';
import type { SmoothObjective } from './owlqn';

/** Binary: ℓᵢ = log(1 + e^zᵢ) − yᵢzᵢ with yᵢ ∈ {0, 1}, zᵢ = w·xᵢ + b. */
export function binaryLogLoss(
  X: DenseMatrix,
  positive: Uint8Array,
  weights: Float64Array,
  l2: number,
): SmoothObjective {
  const { rows, cols, data } = X;
  return (p, gradient) => {
    gradient.fill(0);
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      const offset = i * cols;
      let z = p[cols];
      for (let j = 0; j < cols; j++) z += p[j] * data[offset + j];
      const logOnePlusExp = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      loss += weights[i] * (logOnePlusExp - positive[i] * z);
      const residual = weights[i] * (sigmoid(z) - positive[i]);
      for (let j = 0; j < cols; j++) gradient[j] += residual * data[offset + j];
      gradient[cols] += residual;
    }
    return finish(loss, gradient, p, rows, l2, cols, 1);
  };
}

/** Multinomial: ℓᵢ = log Σₖ e^zᵢₖ − zᵢ,yᵢ (softmax cross-entropy), one block per class. */
export function multinomialLogLoss(
  X: DenseMatrix,
  classIndex: Int32Array,
  nClasses: number,
  weights: Float64Array,
  l2: number,
): SmoothObjective {
  const { rows, cols, data } = X;
  const block = cols + 1;
  const z = new Float64Array(nClasses);
  const logits = new Float64Array(nClasses);
  return (p, gradient) => {
    gradient.fill(0);
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      const offset = i * cols;
      const logSum = softmaxInPlace(p, data, offset, cols, z, logits);
      loss += weights[i] * (logSum - logits[classIndex[i]]);
      for (let k = 0; k < nClasses; k++) {
        const residual = weights[i] * (z[k] - (classIndex[i] === k ? 1 : 0));
        const at = k * block;
        for (let j = 0; j < cols; j++) gradient[at + j] += residual * data[offset + j];
        gradient[at + cols] += residual;
      }
    }
    return finish(loss, gradient, p, rows, l2, cols, nClasses);
  };
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Fills `probabilities` with the softmax of the row's logits under parameters p (and
 * `logits` with the logits, which the loss needs) and returns log Σ e^z.
 */
export function softmaxInPlace(
  p: ArrayLike<number>,
  data: Float64Array,
  offset: number,
  cols: number,
  probabilities: Float64Array,
  logits = new Float64Array(probabilities.length),
): number {
  let largest = -Infinity;
  for (let k = 0; k < logits.length; k++) {
    const at = k * (cols + 1);
    let zk = p[at + cols];
    for (let j = 0; j < cols; j++) zk += p[at + j] * data[offset + j];
    logits[k] = zk;
    largest = Math.max(largest, zk);
  }
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    probabilities[k] = Math.exp(logits[k] - largest);
    sum += probabilities[k];
  }
  for (let k = 0; k < logits.length; k++) probabilities[k] /= sum;
  return largest + Math.log(sum);
}

/** Averages over rows and adds the l2 penalty on the weights (not the intercepts). */
function finish(
  loss: number,
  gradient: Float64Array,
  p: Float64Array,
  rows: number,
  l2: number,
  cols: number,
  blocks: number,
): number {
  let value = loss / rows;
  for (let i = 0; i < gradient.length; i++) gradient[i] /= rows;
  if (l2 > 0) {
    for (let k = 0; k < blocks; k++) {
      for (let j = 0; j < cols; j++) {
        const at = k * (cols + 1) + j;
        value += 0.5 * l2 * p[at] * p[at];
        gradient[at] += l2 * p[at];
      }
    }
  }
  return value;
}
