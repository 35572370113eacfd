/**
 * GradientBoosting against scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1), figures
 * in fixtures/gradient-boosting-sklearn.json:
 *   diabetes: GradientBoostingRegressor(n_estimators=50, learning_rate=0.1, max_depth=3,
 *     random_state=0) on raw features; test rows index % 4 == 0, the rest train.
 *   cancer: GradientBoostingClassifier(n_estimators=100, learning_rate=0.1, max_depth=3,
 *     random_state=0) on fixtures/breast-cancer-split.json (benign = 1); also subsample=0.5.
 *   wine: GradientBoostingClassifier(n_estimators=30, max_depth=2, random_state=0), test rows
 *     index % 3 == 0.
 * Read back: predictions / predict_proba on train and test rows, score, feature_importances_,
 * the loss of each staged_predict(_proba), and test scores for random_state 0–9.
 *
 * Without subsampling the only randomness in sklearn is the feature order that breaks exact
 * ties: in a small node several features often cut the rows the same way. The training rows
 * land the same whichever wins, so their predictions agree to rounding; a test row between
 * the two features' thresholds can go either way: sklearn itself moves test predictions by up
 * to 22 (diabetes) and probabilities by up to 0.11 (cancer) between random_state 0–3, and
 * importances by 0.003. So: training rows exact, test rows in sklearn's own seed band.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GradientBoosting } from '../../../src/lib/ml/gradient-boosting';
import { closeTo, diabetes, wine } from './sklearn-data';
import { breastCancer } from './tree-data';

const reference = JSON.parse(
  readFileSync(new URL('fixtures/gradient-boosting-sklearn.json', import.meta.url), 'utf8'),
);

function split<T>(rows: T[], every: number) {
  return {
    train: rows.filter((_, i) => i % every !== 0),
    test: rows.filter((_, i) => i % every === 0),
  };
}

const largestGap = (a: readonly number[], b: readonly number[]) =>
  Math.max(...a.map((value, i) => Math.abs(value - b[i])));

describe('GradientBoosting regression on diabetes', () => {
  const { X, y } = diabetes();
  const Xs = split(X, 4);
  const ys = split(y, 4);
  const model = new GradientBoosting({ task: 'regression', nEstimators: 50 });
  model.fit(Xs.train, ys.train);

  it("fits the training rows exactly as sklearn's GradientBoostingRegressor", () => {
    const predicted = model.predict(Xs.train) as number[];
    expect(closeTo(predicted, reference.diabetes.train_predict, 1e-12)).toBe(true);
    const staged = model.stagedLoss(Xs.train, ys.train);
    expect(staged).toHaveLength(50);
    expect(closeTo(staged, reference.diabetes.train_staged_mse, 1e-12)).toBe(true);
  });

  it("scores held-out rows within sklearn's own spread over random_state", () => {
    // sklearn random_state 0–9: test R² 0.4131–0.4171.
    const r2 = model.score(Xs.test, ys.test);
    expect(r2).toBeGreaterThan(0.4);
    expect(r2).toBeLessThan(0.43);
    expect(largestGap(model.featureImportances, reference.diabetes.importances)).toBeLessThan(
      0.006,
    );
    expect(model.featureImportances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('GradientBoosting binary classification on breast cancer', () => {
  const { Xtrain, ytrain, Xtest, ytest } = breastCancer();
  const model = new GradientBoosting({ nEstimators: 100 }).fit(Xtrain, ytrain);

  it("gives sklearn's probabilities and staged log-loss on the training rows", () => {
    const positive = model.predictProba(Xtrain).map((p) => p[1]);
    expect(largestGap(positive, reference.cancer.train_proba)).toBeLessThan(1e-12);
    const staged = model.stagedLoss(Xtrain, ytrain);
    expect(closeTo(staged, reference.cancer.train_staged_logloss, 1e-10)).toBe(true);
    expect(model.classes).toEqual([0, 1]);
    expect(model.nStages).toBe(100);
  });

  it('scores held-out rows as sklearn does over random_state', () => {
    // sklearn random_state 0–9: test accuracy 0.951 once, 0.958 nine times.
    expect(model.score(Xtest, ytest)).toBeGreaterThanOrEqual(0.944);
    expect(model.score(Xtest, ytest)).toBeLessThanOrEqual(0.965);
    const top = (importances: number[]) =>
      importances
        .map((value, j) => [value, j])
        .sort((a, b) => b[0] - a[0])
        .slice(0, 3)
        .map(([, j]) => j);
    expect(top(model.featureImportances)).toEqual(top(reference.cancer.importances));
  });

  it('with subsample 0.5 scores within the sklearn band and repeats with its seed', () => {
    const scores = [0, 1, 2].map((seed) =>
      new GradientBoosting({ subsample: 0.5, seed }).fit(Xtrain, ytrain).score(Xtest, ytest),
    );
    // sklearn, subsample=0.5, random_state 0–9: 0.930–0.958; a little room either side.
    for (const score of scores) {
      expect(score).toBeGreaterThanOrEqual(0.92);
      expect(score).toBeLessThanOrEqual(0.97);
    }
    const p = (seed: number) =>
      new GradientBoosting({ subsample: 0.5, seed, nEstimators: 10 })
        .fit(Xtrain, ytrain)
        .predictProba(Xtest);
    expect(p(1)).toEqual(p(1));
    expect(p(2)).not.toEqual(p(1));
  });
});

describe('GradientBoosting multiclass on wine', () => {
  const { X, y } = wine();
  const Xs = split(X, 3);
  const ys = split(y, 3);

  it("gives sklearn's class probabilities (one tree per class per stage)", () => {
    const model = new GradientBoosting({ nEstimators: 30, maxDepth: 2 }).fit(Xs.train, ys.train);
    expect(model.classes).toEqual(['class_0', 'class_1', 'class_2']);
    const train = model.predictProba(Xs.train);
    train.forEach((row, i) =>
      expect(largestGap(row, reference.wine.train_proba[i])).toBeLessThan(1e-12),
    );
    // No tie decided these test rows: they agree too.
    const test = model.predictProba(Xs.test);
    test.forEach((row, i) => expect(largestGap(row, reference.wine.proba[i])).toBeLessThan(1e-12));
    expect(model.score(Xs.test, ys.test)).toBeCloseTo(reference.wine.score, 12);
    expect(largestGap(model.featureImportances, reference.wine.importances)).toBeLessThan(0.003);
  });
});

describe('GradientBoosting input checks', () => {
  it('names the problem', () => {
    const X = [
      [0, 1],
      [1, 0],
      [2, 2],
    ];
    expect(() => new GradientBoosting({ nEstimators: 0 })).toThrow(
      /nEstimators must be a whole number >= 1/,
    );
    expect(() => new GradientBoosting({ learningRate: 0 })).toThrow(
      /learningRate must be a number > 0/,
    );
    expect(() => new GradientBoosting({ subsample: 1.5 })).toThrow(/subsample must be in \(0, 1\]/);
    expect(() => new GradientBoosting({ maxDepth: 0 })).toThrow(
      /maxDepth must be a whole number >= 1/,
    );
    expect(() => new GradientBoosting({ task: 'ranking' as never })).toThrow(/task must be/);
    expect(() => new GradientBoosting().fit(X, ['a', 'a', 'a'])).toThrow(
      /y has one class only \("a"\)/,
    );
    expect(() => new GradientBoosting().fit(X, [0, 1])).toThrow(
      /X and y must have the same number of rows, got 3 and 2/,
    );
    expect(() =>
      new GradientBoosting().fit(
        [
          [0, 'x'],
          [1, 'y'],
        ] as never,
        [0, 1],
      ),
    ).toThrow(/X\[0\]\[1\] is the text "x"/);
    const model = new GradientBoosting({ nEstimators: 2 }).fit(X, [0, 1, 1]);
    expect(() => model.stagedLoss(X, [0, 1, 2])).toThrow(/y\[2\] is 2, a class not seen in fit/);
    expect(() => model.predict([[1]])).toThrow(/X has 1 features but the model was fitted on 2/);
    expect(() => new GradientBoosting().predict(X)).toThrow(/not fitted/);
    const regressor = new GradientBoosting({ task: 'regression', nEstimators: 2 });
    regressor.fit(X, [1, 2, 3]);
    expect(() => regressor.predictProba(X)).toThrow(/predictProba is for task: 'classification'/);
  });
});
