/**
 * `new ml.LinearModel(options)`: linear regression, plain or penalised, with scikit-learn's
 * objectives so that its `alpha` means the same here (n rows, ρ = l1Ratio):
 * - penalty 'none'       = LinearRegression: ‖y − Xw − b‖²
 * - penalty 'l2'         = Ridge(alpha):     ‖y − Xw − b‖² + α‖w‖²
 * - penalty 'l1'         = Lasso(alpha):     1/(2n)‖y − Xw − b‖² + α‖w‖₁
 * - penalty 'elasticnet' = ElasticNet(alpha, l1_ratio):
 *                          1/(2n)‖y − Xw − b‖² + αρ‖w‖₁ + α(1 − ρ)/2‖w‖²
 * Ridge's α is not divided by n while Lasso's is (sklearn's convention, kept): the same
 * number is a much weaker penalty under 'l2'. The intercept b is never penalised. 'none' and
 * 'l2' are solved exactly (./linear-solve.ts); 'l1' and 'elasticnet' by coordinate descent
 * to a tight duality gap (./coordinate-descent.ts).
 *
 * @example
 * import { ml } from 'playgrad'
 * const lasso = new ml.LinearModel({ penalty: 'l1', alpha: 0.1 }).fit(Xtrain, ytrain)
 * lasso.coef            // one weight per feature; the l1 penalty sets some to exactly 0
 * lasso.score(Xtest, ytest)   // R² on held-out rows
 */
import { elasticNetDescent } from './coordinate-descent';
import { checkSameRows, toDense, toNumbers, type MatrixInput, type VectorInput } from './input';
import { centered, columnMeans } from './linalg';
import { solveRidge } from './linear-solve';
import { r2 } from './r2';

export type Penalty = 'none' | 'l2' | 'l1' | 'elasticnet';

export interface LinearModelOptions {
  /** Default 'none' (ordinary least squares). */
  penalty?: Penalty;
  /** Penalty strength, sklearn's alpha (see above for each penalty's scale). Default 1. */
  alpha?: number;
  /** For 'elasticnet': the share of the penalty that is l1 (sklearn's l1_ratio). Default 0.5. */
  l1Ratio?: number;
  /** Coordinate-descent sweeps at most ('l1', 'elasticnet'). Default 10,000. */
  maxIter?: number;
  /** Stop when the duality gap is below tol·‖y‖² ('l1', 'elasticnet'). Default 1e-10. */
  tol?: number;
}

const PENALTIES: readonly Penalty[] = ['none', 'l2', 'l1', 'elasticnet'];

export class LinearModel {
  readonly options: Readonly<LinearModelOptions>;
  /** One weight per feature, after fit. */
  coef: number[] = [];
  /** The constant term, after fit. */
  intercept = 0;
  /** Coordinate-descent sweeps used (0 for the exact solvers). */
  nIter = 0;
  private fitted = false;

  constructor(options: LinearModelOptions = {}) {
    const { penalty = 'none', alpha = 1, l1Ratio = 0.5, maxIter = 10_000, tol = 1e-10 } = options;
    if (!PENALTIES.includes(penalty)) {
      throw new RangeError(
        `penalty must be ${PENALTIES.map((p) => `'${p}'`).join(', ')}; got ${JSON.stringify(penalty)}`,
      );
    }
    if (!(alpha >= 0) || !Number.isFinite(alpha)) {
      throw new RangeError(`alpha must be a number >= 0, got ${alpha}`);
    }
    if (!(l1Ratio >= 0 && l1Ratio <= 1)) {
      throw new RangeError(`l1Ratio must be between 0 and 1, got ${l1Ratio}`);
    }
    if (!Number.isInteger(maxIter) || maxIter < 1) {
      throw new RangeError(`maxIter must be a whole number >= 1, got ${maxIter}`);
    }
    if (!(tol > 0)) throw new RangeError(`tol must be > 0, got ${tol}`);
    this.options = { penalty, alpha, l1Ratio, maxIter, tol };
  }

  /** Fits the weights on rows X and targets y. Returns the model. */
  fit(X: MatrixInput, y: VectorInput): this {
    const data = toDense(X, 'X');
    const target = toNumbers(y, 'y');
    checkSameRows(data.rows, target.length);
    const {
      penalty = 'none',
      alpha = 1,
      l1Ratio = 0.5,
      maxIter = 10_000,
      tol = 1e-10,
    } = this.options;
    // Centring X and y takes the intercept out of the problem (sklearn's _preprocess_data).
    const means = columnMeans(data);
    const yMean = target.reduce((a, b) => a + b, 0) / target.length;
    const Xc = centered(data, means);
    const yc = Float64Array.from(target, (value) => value - yMean);
    let coef: Float64Array;
    if (penalty === 'none' || penalty === 'l2') {
      coef = solveRidge(Xc, yc, penalty === 'none' ? 0 : alpha);
      this.nIter = 0;
    } else {
      const rho = penalty === 'l1' ? 1 : l1Ratio;
      const n = data.rows;
      const result = elasticNetDescent(
        Xc,
        yc,
        alpha * rho * n,
        alpha * (1 - rho) * n,
        tol,
        maxIter,
      );
      coef = result.coef;
      this.nIter = result.nIter;
    }
    this.coef = Array.from(coef);
    this.intercept = yMean - this.coef.reduce((sum, w, j) => sum + w * means[j], 0);
    this.fitted = true;
    return this;
  }

  /** For each row, intercept + coef · row. */
  predict(X: MatrixInput): number[] {
    if (!this.fitted) throw new Error('this LinearModel is not fitted yet: call fit(X, y) first');
    const data = toDense(X, 'X');
    if (data.cols !== this.coef.length) {
      throw new RangeError(
        `X has ${data.cols} features but the model was fitted on ${this.coef.length}`,
      );
    }
    return Array.from({ length: data.rows }, (_, i) => {
      let sum = this.intercept;
      for (let j = 0; j < data.cols; j++) sum += this.coef[j] * data.data[i * data.cols + j];
      return sum;
    });
  }

  /** R² on (X, y): 1 − (residual sum of squares) / (total sum of squares), as sklearn's score. */
  score(X: MatrixInput, y: VectorInput): number {
    return r2(toNumbers(y, 'y'), this.predict(X));
  }
}
