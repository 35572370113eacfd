/**
 * KNeighbors against scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1), figures in
 * fixtures/knn-sklearn.json. Features through StandardScaler().fit_transform on all rows;
 * test rows are those whose index % 3 == 0 (wine) or % 4 == 0 (diabetes), the rest train.
 *   KNeighborsClassifier(n_neighbors=5, metric=m, weights=w, algorithm='brute') on wine,
 *     m in euclidean, manhattan, cosine; w in uniform, distance
 *   KNeighborsRegressor(n_neighbors=7, weights=w, algorithm='brute') on diabetes
 * Read back: predict_proba, predict and score on the test rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNeighbors, type Metric } from '../../../src/lib/ml/knn';
import { closeTo, diabetes, standardized, wine } from './sklearn-data';

const references = JSON.parse(
  readFileSync(new URL('fixtures/knn-sklearn.json', import.meta.url), 'utf8'),
) as Record<string, { proba?: number[][]; predict: (number | string)[]; score: number }>;

function split<T>(rows: T[], every: number) {
  return {
    train: rows.filter((_, i) => i % every !== 0),
    test: rows.filter((_, i) => i % every === 0),
  };
}

describe('KNeighbors classification on wine, against sklearn', () => {
  const { X, y } = wine();
  const Xs = split(standardized(X), 3);
  const ys = split(y, 3);
  for (const metric of ['euclidean', 'manhattan', 'cosine'] as Metric[]) {
    for (const weights of ['uniform', 'distance'] as const) {
      it(`${metric}, ${weights}: same probabilities, labels and accuracy`, () => {
        const reference = references[`wine_${metric}_${weights}`];
        const knn = new KNeighbors({ k: 5, metric, weights }).fit(Xs.train, ys.train);
        expect(knn.classes).toEqual(['class_0', 'class_1', 'class_2']);
        knn
          .predictProba(Xs.test)
          .forEach((row, i) => expect(closeTo(row, reference.proba?.[i] ?? [], 1e-12)).toBe(true));
        expect(knn.predict(Xs.test)).toEqual(reference.predict);
        expect(knn.score(Xs.test, ys.test)).toBeCloseTo(reference.score, 12);
      });
    }
  }

  it('with distance weights, a training row predicts its own label', () => {
    const knn = new KNeighbors({ k: 5, weights: 'distance' }).fit(Xs.train, ys.train);
    expect(knn.score(Xs.train, ys.train)).toBe(1);
  });
});

describe('KNeighbors regression on diabetes, against sklearn', () => {
  const { X, y } = diabetes();
  const Xs = split(standardized(X), 4);
  const ys = split(y, 4);
  for (const weights of ['uniform', 'distance'] as const) {
    it(`${weights}: same predictions and R²`, () => {
      const reference = references[`diabetes_${weights}`];
      const knn = new KNeighbors({ k: 7, task: 'regression', weights }).fit(Xs.train, ys.train);
      expect(closeTo(knn.predict(Xs.test) as number[], reference.predict as number[], 1e-12)).toBe(
        true,
      );
      expect(knn.score(Xs.test, ys.test)).toBeCloseTo(reference.score, 10);
    });
  }
});

describe('KNeighbors input checks', () => {
  it('names the problem', () => {
    const X = [
      [0, 0],
      [1, 1],
      [2, 2],
    ];
    expect(() => new KNeighbors({ k: 5 }).fit(X, [0, 1, 1])).toThrow(
      /k = 5 neighbours need at least 5 training rows, got 3/,
    );
    expect(() => new KNeighbors({ k: 0 })).toThrow(/k must be a whole number >= 1/);
    expect(() => new KNeighbors({ metric: 'minkowski' as never })).toThrow(
      /metric must be 'euclidean', 'manhattan' or 'cosine', got "minkowski"/,
    );
    expect(() => new KNeighbors({ k: 1 }).fit(X, [1, 1, 1])).toThrow(/y has one class only/);
    expect(() => new KNeighbors({ k: 1 }).fit(X, [0, 1])).toThrow(
      /X and y must have the same number/,
    );
    expect(() => new KNeighbors({ k: 1, task: 'regression' }).fit(X, [1, 2, NaN])).toThrow(
      /y\[2\] is missing/,
    );
    const knn = new KNeighbors({ k: 1, task: 'regression' }).fit(X, [1, 2, 3]);
    expect(() => knn.predictProba(X)).toThrow(/predictProba is for task: 'classification'/);
    expect(() => knn.predict([[1, 2, 3]])).toThrow(
      /X has 3 features but the model was fitted on 2/,
    );
    expect(() => new KNeighbors().predict(X)).toThrow(/not fitted/);
  });
});
