/**
 * Bands from scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1),
 * sklearn.inspection.permutation_importance(model, X, y, n_repeats=30, random_state=rs) for
 * rs = 0…9 on iris (all 150 rows). Another generator draws other shuffles, so our means are
 * checked against the spread of sklearn's means over those ten seeds, widened a little.
 * Models: DecisionTreeClassifier(max_depth=3, random_state=0) (ours grows the same tree,
 * see tree.test.ts) scored by accuracy; and the noise-free y = 2·petal length − sepal width
 * fitted by LinearRegression, scored by R², whose importance is known in closed form:
 * shuffling feature j costs 2·w_j²·var(x_j)/var(y) of R² in expectation.
 */
import { describe, expect, it } from 'vitest';
import { DecisionTree } from '../../../src/lib/ml/tree';
import { permutationImportance } from '../../../src/lib/ml/permutation-importance';
import { iris } from './tree-data';

describe('permutationImportance', () => {
  const { X, y } = iris();

  it('falls in sklearn’s band for a depth-3 tree on iris (accuracy)', () => {
    const tree = new DecisionTree({ maxDepth: 3 }).fit(X, y);
    const result = permutationImportance(tree, X, y, { repeats: 30, seed: 0 });
    expect(result.baseline).toBeCloseTo(0.9733333333333334, 12);
    // sklearn's means over random_state 0–9: [0, 0, 0.0989–0.1109, 0.5207–0.5527].
    expect(result.mean.slice(0, 2)).toEqual([0, 0]);
    expect(result.mean[2]).toBeGreaterThan(0.0989 - 0.01);
    expect(result.mean[2]).toBeLessThan(0.1109 + 0.01);
    expect(result.mean[3]).toBeGreaterThan(0.5207 - 0.015);
    expect(result.mean[3]).toBeLessThan(0.5527 + 0.015);
    // sklearn's std for random_state 0: 0.0213 and 0.0331.
    expect(result.std[2]).toBeGreaterThan(0.01);
    expect(result.std[2]).toBeLessThan(0.04);
    expect(result.all).toHaveLength(4);
    expect(result.all[3]).toHaveLength(30);
  });

  it('recovers a linear model’s known importances (R²)', () => {
    const target = X.map((row) => 2 * row[2] - row[1]);
    const model = (rows: number[][]) => rows.map((row) => 2 * row[2] - row[1]);
    const result = permutationImportance(model, X, target, { metric: 'r2', repeats: 30 });
    expect(result.baseline).toBe(1);
    expect(result.mean[0]).toBe(0);
    expect(result.mean[3]).toBe(0);
    // sklearn's band 0.02667–0.02762 and 1.7169–1.8307; closed form 0.027191 and 1.784080.
    expect(result.mean[1]).toBeGreaterThan(0.0262);
    expect(result.mean[1]).toBeLessThan(0.0281);
    expect(result.mean[2]).toBeGreaterThan(1.7);
    expect(result.mean[2]).toBeLessThan(1.85);
  });

  it('is repeatable for a seed and differs for another', () => {
    const tree = new DecisionTree({ maxDepth: 2 }).fit(X, y);
    const a = permutationImportance(tree, X, y, { seed: 3 });
    expect(permutationImportance(tree, X, y, { seed: 3 })).toEqual(a);
    expect(permutationImportance(tree, X, y, { seed: 4 }).all).not.toEqual(a.all);
  });

  it('takes a metric by name or as a function', () => {
    const tree = new DecisionTree({ maxDepth: 2 }).fit(X, y);
    const errors = (t: number[], p: number[]) => -p.filter((v, i) => v !== t[i]).length;
    expect(permutationImportance(tree, X, y, { metric: errors }).baseline).toBe(-6);
    const binary = y.map((label) => (label === 2 ? 1 : 0));
    const twoClass = new DecisionTree({ maxDepth: 2 }).fit(X, binary);
    const auc = permutationImportance(twoClass, X, binary, { metric: 'rocAuc' });
    expect(auc.baseline).toBeGreaterThan(0.95);
    expect(auc.mean[3]).toBeGreaterThan(0.1);
  });

  it('names what is wrong', () => {
    const tree = new DecisionTree({ maxDepth: 2 }).fit(X, y);
    expect(() => permutationImportance(tree, X, y.slice(1))).toThrow(
      /X has 150 rows but y has 149/,
    );
    expect(() => permutationImportance(tree, [[1, 2, NaN, 4]], [0])).toThrow(/X\[0\]\[2\]/);
    expect(() => permutationImportance(tree, [], [])).toThrow(/X has no rows/);
    expect(() => permutationImportance(tree, X, y, { repeats: 0 })).toThrow(/repeats/);
    expect(() => permutationImportance((r) => r.map(() => 0), X, y)).toThrow(/pass a metric/);
    expect(() => permutationImportance({} as never, X, y)).toThrow(/model must be a fitted model/);
    expect(() => permutationImportance(tree, X, y, { metric: 'f2' as 'r2' })).toThrow(
      /metric must be/,
    );
  });
});
