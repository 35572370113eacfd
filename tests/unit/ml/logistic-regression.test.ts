/**
 * LogisticRegression against scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1),
 * converged tightly on both sides, figures in fixtures/logistic-regression-sklearn.json.
 * Data: datasets/breast-cancer.csv (benign = 1) and datasets/wine.csv, every row, features
 * through StandardScaler().fit_transform. The sklearn calls (all tol=1e-12, max_iter=100000,
 * solver='newton-cg' unless said):
 *   bc_l2           LogisticRegression(C=0.1)
 *   bc_l2_balanced  LogisticRegression(C=0.1, class_weight='balanced')
 *   bc_l1           LogisticRegression(penalty='l1', C=0.1, solver='saga', tol=1e-13, max_iter=1000000)
 *   bc_none         LogisticRegression(penalty=None) on features 0 and 1 only (not separable)
 *   bc_multi2       LogisticRegression(C=0.1, multi_class='multinomial')
 *   wine_multi      LogisticRegression(C=0.1)  ('auto' is multinomial for three classes)
 *   wine_ovr        LogisticRegression(C=0.1, multi_class='ovr')
 *   wine_ovr_bal    LogisticRegression(C=0.1, multi_class='ovr', class_weight='balanced')
 *   wine_l1_multi   LogisticRegression(penalty='l1', C=0.5, solver='saga',
 *                                      multi_class='multinomial', tol=1e-13, max_iter=1000000)
 * Read back: coef_, intercept_, predict_proba(X[:3]), score(X, y).
 * newton-cg runs to max_iter (1e-12 is below rounding on its summed objective), which leaves
 * it converged to rounding; sklearn's default lbfgs stops earlier on scipy's ftol and differs
 * from these by up to 5e-5. Ours agree to 1.5e-6 of the largest coefficient (1e-5 asserted).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LogisticRegression,
  type LogisticRegressionOptions,
} from '../../../src/lib/ml/logistic-regression';
import { closeTo, standardized, wine } from './sklearn-data';
import { breastCancer } from './tree-data';

interface Reference {
  coef: number[][];
  intercept: number[];
  proba0: number[][];
  score: number;
}
const references = JSON.parse(
  readFileSync(new URL('fixtures/logistic-regression-sklearn.json', import.meta.url), 'utf8'),
) as Record<string, Reference>;

// tree-data's split puts the rows back together: every row, in the file's order, is wanted.
function wholeBreastCancer() {
  const text = readFileSync(
    new URL('../../../datasets/breast-cancer.csv', import.meta.url),
    'utf8',
  );
  const rows = text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  return {
    X: standardized(rows.map((r) => r.slice(0, 30).map(Number))),
    y: rows.map((r) => (r[30] === 'benign' ? 1 : 0)),
  };
}

const cancer = wholeBreastCancer();
const grapes = { X: standardized(wine().X), y: wine().y };

const cases: [string, LogisticRegressionOptions, { X: number[][]; y: (number | string)[] }][] = [
  ['bc_l2', { C: 0.1 }, cancer],
  ['bc_l2_balanced', { C: 0.1, classWeight: 'balanced' }, cancer],
  ['bc_l1', { penalty: 'l1', C: 0.1 }, cancer],
  ['bc_none', { penalty: 'none' }, { X: cancer.X.map((r) => [r[0], r[1]]), y: cancer.y }],
  ['bc_multi2', { C: 0.1, multiClass: 'multinomial' }, cancer],
  ['wine_multi', { C: 0.1 }, grapes],
  ['wine_ovr', { C: 0.1, multiClass: 'ovr' }, grapes],
  ['wine_ovr_bal', { C: 0.1, multiClass: 'ovr', classWeight: 'balanced' }, grapes],
  ['wine_l1_multi', { penalty: 'l1', C: 0.5, multiClass: 'multinomial' }, grapes],
];

describe('LogisticRegression against sklearn', () => {
  for (const [name, options, { X, y }] of cases) {
    it(`${name}: coefficients, intercepts, probabilities and accuracy`, () => {
      const reference = references[name];
      const model = new LogisticRegression(options).fit(X, y);
      expect(model.converged).toBe(true);
      expect(model.coef).toHaveLength(reference.coef.length);
      model.coef.forEach((row, k) => expect(closeTo(row, reference.coef[k], 1e-5)).toBe(true));
      expect(closeTo(model.intercept, reference.intercept, 1e-5)).toBe(true);
      model
        .predictProba(X.slice(0, 3))
        .forEach((row, i) => expect(closeTo(row, reference.proba0[i], 1e-5)).toBe(true));
      expect(model.score(X, y)).toBeCloseTo(reference.score, 10);
    });
  }

  it("l1 sets the same coefficients to exactly zero as sklearn's saga", () => {
    const model = new LogisticRegression({ penalty: 'l1', C: 0.1 }).fit(cancer.X, cancer.y);
    const zeros = (row: number[]) => row.flatMap((w, j) => (w === 0 ? [j] : []));
    expect(zeros(model.coef[0])).toEqual(zeros(references.bc_l1.coef[0]));
  });
});

describe('LogisticRegression labels and input checks', () => {
  it('takes class names and predicts them', () => {
    const model = new LogisticRegression().fit(grapes.X, grapes.y);
    expect(model.classes).toEqual(['class_0', 'class_1', 'class_2']);
    expect(model.predict(grapes.X.slice(0, 2))).toEqual(['class_0', 'class_0']);
  });

  it('weighs every class by 2 exactly as C doubled (class weights scale the data term)', () => {
    const weighted = new LogisticRegression({ C: 0.1, classWeight: { 0: 2, 1: 2 } });
    const doubled = new LogisticRegression({ C: 0.2 });
    weighted.fit(cancer.X, cancer.y);
    doubled.fit(cancer.X, cancer.y);
    expect(closeTo(weighted.coef[0], doubled.coef[0], 1e-6)).toBe(true);
    const named = new LogisticRegression({ classWeight: { class_0: 3 } }).fit(grapes.X, grapes.y);
    const plain = new LogisticRegression().fit(grapes.X, grapes.y);
    expect(named.coef[0][0]).not.toBeCloseTo(plain.coef[0][0], 3);
  });

  it('names the problem', () => {
    const { Xtrain, ytrain } = breastCancer();
    expect(() => new LogisticRegression({ penalty: 'elasticnet' as never })).toThrow(
      /penalty must be 'none', 'l2' or 'l1', got "elasticnet" \(elasticnet is for ml.LinearModel\)/,
    );
    expect(() => new LogisticRegression({ C: 0 })).toThrow(/C must be a number > 0/);
    expect(() => new LogisticRegression({ multiClass: 'ova' as never })).toThrow(/multiClass/);
    expect(() =>
      new LogisticRegression().fit(
        Xtrain,
        ytrain.map(() => 1),
      ),
    ).toThrow(/y has one class only \(1\): LogisticRegression needs at least two classes/);
    expect(() => new LogisticRegression().fit(Xtrain, ytrain.slice(2))).toThrow(
      /X and y must have the same number of rows/,
    );
    expect(() => new LogisticRegression().fit([[1], [NaN]], [0, 1])).toThrow(
      /X\[1\]\[0\] is missing/,
    );
    expect(() => new LogisticRegression().fit([[1], [2]], [0, null])).toThrow(/y\[1\] is null/);
    expect(() => new LogisticRegression().predict(Xtrain)).toThrow(/not fitted/);
  });
});
