/**
 * `new ml.LogisticRegression(options)`: linear classification with scikit-learn's
 * LogisticRegression objective, so its `C` means the same here:
 *   C · Σᵢ sᵢ·logloss(xᵢ, yᵢ) + penalty(w)
 * with penalty ½‖w‖² ('l2', sklearn's default), ‖w‖₁ ('l1', as sklearn's saga solver) or
 * nothing ('none'); sᵢ is the row's class weight, and the intercept is never penalised.
 * A smaller C means a stronger penalty. Fitted by L-BFGS (OWL-QN for 'l1', ./owlqn.ts)
 * until the gradient is below `tol`, much tighter than sklearn's default, so coefficients
 * agree with a tightly converged sklearn fit.
 *
 * More than two classes: 'ovr' fits one binary model per class against the rest and
 * normalises their probabilities; 'multinomial' fits one softmax model; 'auto' (sklearn's
 * default) is multinomial for three or more classes and a single binary model for two.
 *
 * @example
 * import { ml } from 'playgrad'
 * const model = new ml.LogisticRegression({ C: 0.5 }).fit(Xtrain, ytrain)
 * model.predictProba(Xtest)   // one row per sample, one column per class in `classes`
 * model.score(Xtest, ytest)   // accuracy
 */
import {
  accuracyOf,
  encodeClassLabels,
  rowWeights,
  type ClassLabel,
  type ClassWeightOption,
} from './class-labels';
import { toDense, type DenseMatrix, type MatrixInput } from './input';
import { binaryLogLoss, multinomialLogLoss, sigmoid, softmaxInPlace } from './logistic-loss';
import { minimize } from './owlqn';

export interface LogisticRegressionOptions {
  /** Default 'l2', as sklearn. */
  penalty?: 'none' | 'l2' | 'l1';
  /** Inverse penalty strength (sklearn's C). Default 1. */
  C?: number;
  /** How three or more classes are handled. Default 'auto'. */
  multiClass?: 'auto' | 'ovr' | 'multinomial';
  /** Quasi-Newton iterations at most (per binary model for 'ovr'). Default 1000. */
  maxIter?: number;
  /** Stop when the largest gradient entry of the row-averaged objective is below. Default 1e-8. */
  tol?: number;
  /** 'balanced' (n / (classes · count)) or a weight per class label, as sklearn's class_weight. */
  classWeight?: ClassWeightOption;
}

const PENALTIES = ['none', 'l2', 'l1'] as const;
const MULTI_CLASS = ['auto', 'ovr', 'multinomial'] as const;

export class LogisticRegression {
  readonly options: Readonly<Required<Omit<LogisticRegressionOptions, 'classWeight'>>> & {
    classWeight?: ClassWeightOption;
  };
  /** The class labels seen by fit, sorted: the columns of predictProba. */
  classes: ClassLabel[] = [];
  /** One row of weights per binary model or class (a single row for two classes, as sklearn). */
  coef: number[][] = [];
  /** One intercept per row of `coef`. */
  intercept: number[] = [];
  /** Iterations used (the most over the binary models of 'ovr'). */
  nIter = 0;
  /** False when maxIter ran out before the gradient was below tol. */
  converged = false;
  private softmax = false;
  /** Every class's block for a softmax fit (coef keeps sklearn's single row for two classes). */
  private blocks: number[][] = [];

  constructor(options: LogisticRegressionOptions = {}) {
    const { penalty = 'l2', C = 1, multiClass = 'auto', maxIter = 1000, tol = 1e-8 } = options;
    if (!PENALTIES.includes(penalty)) {
      throw new RangeError(
        `penalty must be 'none', 'l2' or 'l1', got ${JSON.stringify(penalty)}` +
          (penalty === ('elasticnet' as never) ? ' (elasticnet is for ml.LinearModel)' : ''),
      );
    }
    if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`C must be a number > 0, got ${C}`);
    if (!MULTI_CLASS.includes(multiClass)) {
      throw new RangeError(
        `multiClass must be 'auto', 'ovr' or 'multinomial', got ${JSON.stringify(multiClass)}`,
      );
    }
    if (!Number.isInteger(maxIter) || maxIter < 1) {
      throw new RangeError(`maxIter must be a whole number >= 1, got ${maxIter}`);
    }
    if (!(tol > 0)) throw new RangeError(`tol must be > 0, got ${tol}`);
    this.options = { penalty, C, multiClass, maxIter, tol, classWeight: options.classWeight };
  }

  /** Fits on rows X and class labels y (numbers or names). Returns the model. */
  fit(X: MatrixInput, y: unknown): this {
    const data = toDense(X, 'X');
    const { classes, index } = encodeClassLabels(y, data.rows, 'LogisticRegression');
    const { multiClass, classWeight } = this.options;
    this.softmax = multiClass === 'multinomial' || (multiClass === 'auto' && classes.length > 2);
    this.nIter = 0;
    this.converged = true;
    if (this.softmax) {
      const weights = rowWeights(classWeight, classes, index);
      const p = this.solve(data, classes.length, weights, (l2) =>
        multinomialLogLoss(data, index, classes.length, weights, l2),
      );
      this.blocks = Array.from({ length: classes.length }, (_, k) =>
        Array.from(p.subarray(k * (data.cols + 1), (k + 1) * (data.cols + 1))),
      );
      // sklearn reports only the second class's block for two classes.
      const reported = classes.length === 2 ? this.blocks.slice(1) : this.blocks;
      this.coef = reported.map((block) => block.slice(0, data.cols));
      this.intercept = reported.map((block) => block[data.cols]);
    } else {
      const positives = classes.length === 2 ? [1] : classes.map((_, k) => k);
      const fitted = positives.map((k) => {
        const positive = Uint8Array.from(index, (c) => (c === k ? 1 : 0));
        // sklearn weighs 'balanced' on each binary problem (class k against the rest).
        const weights =
          classWeight === 'balanced'
            ? rowWeights('balanced', [0, 1], Int32Array.from(positive))
            : rowWeights(classWeight, classes, index);
        return this.solve(data, 1, weights, (l2) => binaryLogLoss(data, positive, weights, l2));
      });
      this.coef = fitted.map((p) => Array.from(p.subarray(0, data.cols)));
      this.intercept = fitted.map((p) => p[data.cols]);
    }
    this.classes = classes;
    if (!this.converged) {
      console.warn(
        `LogisticRegression did not converge in ${this.options.maxIter} iterations: ` +
          `standardize the features, or raise maxIter`,
      );
    }
    return this;
  }

  /** For each row, the probability of each class, in `classes` order. */
  predictProba(X: MatrixInput): number[][] {
    const data = this.checked(X);
    const { rows, cols } = data;
    const out: number[][] = [];
    if (this.softmax) {
      const flat = Float64Array.from(this.blocks.flat());
      const probabilities = new Float64Array(this.blocks.length);
      for (let i = 0; i < rows; i++) {
        softmaxInPlace(flat, data.data, i * cols, cols, probabilities);
        out.push(Array.from(probabilities));
      }
      return out;
    }
    for (let i = 0; i < rows; i++) {
      const scores = this.coef.map((w, k) => {
        let z = this.intercept[k];
        for (let j = 0; j < cols; j++) z += w[j] * data.data[i * cols + j];
        return sigmoid(z);
      });
      if (scores.length === 1) out.push([1 - scores[0], scores[0]]);
      else {
        // One-vs-rest: each binary model's probability, rescaled to sum to 1 (as sklearn).
        const sum = scores.reduce((a, b) => a + b, 0);
        out.push(scores.map((s) => s / sum));
      }
    }
    return out;
  }

  /** For each row, the most probable class label. */
  predict(X: MatrixInput): ClassLabel[] {
    return this.predictProba(X).map((p) => this.classes[p.indexOf(Math.max(...p))]);
  }

  /** Accuracy on (X, y). */
  score(X: MatrixInput, y: unknown): number {
    return accuracyOf(this.predict(X), y);
  }

  private solve(
    data: DenseMatrix,
    blocks: number,
    weights: Float64Array,
    objective: (l2: number) => ReturnType<typeof binaryLogLoss>,
  ): Float64Array {
    const { penalty, C, maxIter, tol } = this.options;
    // Divided by n, as the data term is (./logistic-loss.ts).
    const strength = 1 / (C * data.rows);
    const size = blocks * (data.cols + 1);
    let l1: Float64Array | undefined;
    if (penalty === 'l1') {
      l1 = new Float64Array(size).fill(strength);
      for (let k = 0; k < blocks; k++) l1[k * (data.cols + 1) + data.cols] = 0;
    }
    const result = minimize(objective(penalty === 'l2' ? strength : 0), new Float64Array(size), {
      l1,
      maxIter,
      tol,
    });
    this.nIter = Math.max(this.nIter, result.nIter);
    this.converged &&= result.converged;
    return result.x;
  }

  private checked(X: MatrixInput): DenseMatrix {
    if (this.coef.length === 0) {
      throw new Error('this LogisticRegression is not fitted yet: call fit(X, y) first');
    }
    const data = toDense(X, 'X');
    const expected = this.coef[0].length;
    if (data.cols !== expected) {
      throw new RangeError(`X has ${data.cols} features but the model was fitted on ${expected}`);
    }
    return data;
  }
}
