/**
 * `new ml.KNeighbors(options)`: k-nearest neighbours, scikit-learn's KNeighborsClassifier
 * and KNeighborsRegressor (brute force, exact): a row's prediction comes from the k training
 * rows closest to it.
 * - classification: the class most neighbours have (on a tie, the first in `classes`), and
 *   as probabilities the share of neighbours in each class;
 * - regression: the mean of the neighbours' targets;
 * - weights 'distance' counts each neighbour by 1 / distance; a training row at distance 0
 *   then decides alone (sklearn's rule), so a training row predicts its own label.
 * Neighbours at equal distance are taken in training-row order.
 *
 * Distances are only meaningful when features share a scale: standardize first.
 *
 * @example
 * import { ml } from 'playgrad'
 * const knn = new ml.KNeighbors({ k: 5 }).fit(Xtrain, ytrain)
 * knn.predict(Xtest)
 * knn.score(Xtest, ytest)   // accuracy (R² with task: 'regression')
 */
import { accuracyOf, encodeClassLabels, type ClassLabel } from './class-labels';
import { checkSameRows, toDense, toNumbers, type DenseMatrix, type MatrixInput } from './input';
import { r2 } from './r2';
import { distanceTo, type Metric } from './knn-distance';

export type { Metric } from './knn-distance';

export interface KNeighborsOptions {
  /** How many neighbours vote. Default 5, as sklearn. */
  k?: number;
  /** Default 'euclidean'. */
  metric?: Metric;
  /** Default 'classification'. */
  task?: 'classification' | 'regression';
  /** 'uniform' (default): each neighbour counts once; 'distance': closer ones count more. */
  weights?: 'uniform' | 'distance';
}

const METRICS: readonly Metric[] = ['euclidean', 'manhattan', 'cosine'];

export class KNeighbors {
  readonly options: Readonly<Required<KNeighborsOptions>>;
  /** Class labels seen by fit, sorted (classification): the columns of predictProba. */
  classes: ClassLabel[] = [];
  private train: DenseMatrix | null = null;
  /** Class index (classification) or target value (regression) of each training row. */
  private targets = new Float64Array(0);

  constructor(options: KNeighborsOptions = {}) {
    const { k = 5, metric = 'euclidean', task = 'classification', weights = 'uniform' } = options;
    if (!Number.isInteger(k) || k < 1)
      throw new RangeError(`k must be a whole number >= 1, got ${k}`);
    if (!METRICS.includes(metric)) {
      throw new RangeError(
        `metric must be 'euclidean', 'manhattan' or 'cosine', got ${JSON.stringify(metric)}`,
      );
    }
    if (task !== 'classification' && task !== 'regression') {
      throw new RangeError(
        `task must be 'classification' or 'regression', got ${JSON.stringify(task)}`,
      );
    }
    if (weights !== 'uniform' && weights !== 'distance') {
      throw new RangeError(
        `weights must be 'uniform' or 'distance', got ${JSON.stringify(weights)}`,
      );
    }
    this.options = { k, metric, task, weights };
  }

  /** Remembers the training rows (kNN has nothing else to learn). Returns the model. */
  fit(X: MatrixInput, y: unknown): this {
    const data = toDense(X, 'X');
    if (this.options.k > data.rows) {
      throw new RangeError(
        `k = ${this.options.k} neighbours need at least ${this.options.k} training rows, got ${data.rows}`,
      );
    }
    if (this.options.task === 'classification') {
      const { classes, index } = encodeClassLabels(y, data.rows, 'KNeighbors');
      this.classes = classes;
      this.targets = Float64Array.from(index);
    } else {
      const values = toNumbers(y as number[], 'y');
      checkSameRows(data.rows, values.length);
      this.targets = Float64Array.from(values);
    }
    this.train = data;
    return this;
  }

  /** For each row, the share of (weighted) neighbours in each class, in `classes` order. */
  predictProba(X: MatrixInput): number[][] {
    if (this.options.task !== 'classification') {
      throw new Error("predictProba is for task: 'classification'; this model does regression");
    }
    return this.neighbourVotes(X).map(({ rows, weights }) => {
      const votes = new Array<number>(this.classes.length).fill(0);
      rows.forEach((row, n) => (votes[this.targets[row]] += weights[n]));
      const total = votes.reduce((a, b) => a + b, 0);
      return votes.map((v) => v / total);
    });
  }

  /** For each row, the predicted class (classification) or value (regression). */
  predict(X: MatrixInput): (number | string)[] {
    if (this.options.task === 'classification') {
      return this.predictProba(X).map((p) => this.classes[p.indexOf(Math.max(...p))]);
    }
    return this.neighbourVotes(X).map(({ rows, weights }) => {
      let sum = 0;
      let total = 0;
      rows.forEach((row, n) => {
        sum += weights[n] * this.targets[row];
        total += weights[n];
      });
      return sum / total;
    });
  }

  /** Accuracy (classification) or R² (regression) on (X, y). */
  score(X: MatrixInput, y: unknown): number {
    const predicted = this.predict(X);
    if (this.options.task === 'classification') return accuracyOf(predicted, y);
    return r2(toNumbers(y as number[], 'y'), predicted as number[]);
  }

  /** The k nearest training rows of each row of X, with their vote weights. */
  private neighbourVotes(X: MatrixInput): { rows: Int32Array; weights: Float64Array }[] {
    const train = this.train;
    if (!train) throw new Error('this KNeighbors is not fitted yet: call fit(X, y) first');
    const data = toDense(X, 'X');
    if (data.cols !== train.cols) {
      throw new RangeError(`X has ${data.cols} features but the model was fitted on ${train.cols}`);
    }
    const { k, metric } = this.options;
    const distances = distanceTo(train, metric);
    const result: { rows: Int32Array; weights: Float64Array }[] = [];
    for (let i = 0; i < data.rows; i++) {
      const d = distances(data.data.subarray(i * data.cols, (i + 1) * data.cols));
      const rows = nearest(d, k);
      result.push({ rows, weights: this.voteWeights(Float64Array.from(rows, (r) => d[r])) });
    }
    return result;
  }

  private voteWeights(distances: Float64Array): Float64Array {
    if (this.options.weights === 'uniform') return distances.map(() => 1);
    // sklearn: a neighbour at distance 0 takes all the weight (shared with others at 0).
    if (distances.some((d) => d === 0)) return distances.map((d) => (d === 0 ? 1 : 0));
    return distances.map((d) => 1 / d);
  }
}

/** Indices of the k smallest distances, nearest first; ties keep the lower index first. */
function nearest(distances: Float64Array, k: number): Int32Array {
  const best = new Int32Array(k);
  let count = 0;
  for (let row = 0; row < distances.length; row++) {
    const d = distances[row];
    if (count === k && d >= distances[best[k - 1]]) continue;
    // Insertion into the short sorted list (k is small).
    let at = count < k ? count++ : k - 1;
    while (at > 0 && distances[best[at - 1]] > d) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = row;
  }
  return best;
}
