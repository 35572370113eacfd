/**
 * Reference trees from scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1):
 * DecisionTreeClassifier(max_depth=3, random_state=0).fit(iris X, y), read from tree_.
 * sklearn stores thresholds in float32 (0.800000011920929); ours stay float64 (0.8), so
 * thresholds are compared to 6 decimals.
 */
import { describe, expect, it } from 'vitest';
import { DecisionTree, type TreeNodeJSON } from '../../../src/lib/ml/tree';
import { breastCancer, iris } from './tree-data';

/** The splits of a tree, pre-order: "feature<=threshold" or "leaf[counts]". */
function outline(node: TreeNodeJSON): string[] {
  if (node.feature === undefined || !node.left || !node.right) {
    return [`leaf[${node.value.map((v) => +v.toFixed(6)).join(',')}]`];
  }
  const split = `${node.feature}<=${node.threshold?.toFixed(6)}`;
  return [split, ...outline(node.left), ...outline(node.right)];
}

describe('DecisionTree on iris (depth 3, gini)', () => {
  const { X, y } = iris();
  const tree = new DecisionTree({ maxDepth: 3 }).fit(X, y);

  it('reproduces sklearn splits, counts and impurities', () => {
    expect(outline(tree.toJSON())).toEqual([
      '3<=0.800000',
      'leaf[50,0,0]',
      '3<=1.750000',
      '2<=4.950000',
      'leaf[0,47,1]',
      'leaf[0,2,4]',
      '2<=4.850000',
      'leaf[0,1,2]',
      'leaf[0,0,43]',
    ]);
    const root = tree.toJSON();
    expect(root.impurity).toBeCloseTo(0.6666666666666667, 12);
    expect(root.samples).toBe(150);
    expect(root.right?.left?.impurity).toBeCloseTo(0.16803840877914955, 12);
    expect(root.right?.left?.left?.impurity).toBeCloseTo(0.04079861111111116, 12);
    expect(root.right?.right?.samples).toBe(46);
  });

  it('matches sklearn feature importances and training accuracy', () => {
    const expected = [0, 0, 0.053936331199339015, 0.946063668800661];
    tree.featureImportances.forEach((v, j) => expect(v).toBeCloseTo(expected[j], 12));
    expect(tree.score(X, y)).toBeCloseTo(0.9733333333333334, 12);
    expect(tree.depth).toBe(3);
    expect(tree.nLeaves).toBe(5);
  });

  it('predictProba gives the leaf class shares', () => {
    // Row 70 (versicolor, petal 4.8 × 1.8) lands in the leaf [0, 1, 2].
    expect(tree.predictProba([X[70]])[0].map((p) => +p.toFixed(12))).toEqual([
      0, 0.333333333333, 0.666666666667,
    ]);
    expect(tree.predict([X[0], X[70], X[149]])).toEqual([0, 2, 2]);
  });
});

describe('DecisionTree options', () => {
  const { X, y } = iris();

  it('entropy reproduces sklearn impurities and importances', () => {
    const tree = new DecisionTree({ maxDepth: 3, criterion: 'entropy' }).fit(X, y);
    const root = tree.toJSON();
    expect(root.impurity).toBeCloseTo(1.584962500721156, 12);
    expect(root.right?.left?.impurity).toBeCloseTo(0.44506485705083865, 12);
    const expected = [0, 0, 0.07060266510044744, 0.9293973348995526];
    tree.featureImportances.forEach((v, j) => expect(v).toBeCloseTo(expected[j], 12));
  });

  it('minSamplesLeaf moves a split as in sklearn (min_samples_leaf=5)', () => {
    const tree = new DecisionTree({ maxDepth: 3, minSamplesLeaf: 5 }).fit(X, y);
    expect(outline(tree.toJSON()).slice(6)).toEqual(['2<=4.950000', 'leaf[0,1,5]', 'leaf[0,0,40]']);
    const expected = [0, 0, 0.050571053586886676, 0.9494289464131134];
    tree.featureImportances.forEach((v, j) => expect(v).toBeCloseTo(expected[j], 12));
  });

  it('grows until pure without maxDepth (sklearn: depth 5, 9 leaves)', () => {
    const tree = new DecisionTree().fit(X, y);
    expect(tree.score(X, y)).toBe(1);
    expect(tree.depth).toBe(5);
    expect(tree.nLeaves).toBe(9);
  });

  // 50 setosa and 10 versicolor, sepal features only: an imbalanced two-class problem.
  const rows = [...Array(50).keys(), ...Array.from({ length: 10 }, (_, i) => 50 + i)];
  const Xi = rows.map((i) => X[i].slice(0, 2));
  const yi = rows.map((i) => y[i]);

  it('without class weights matches sklearn', () => {
    const tree = new DecisionTree({ maxDepth: 2 }).fit(Xi, yi);
    expect(outline(tree.toJSON())).toEqual([
      '0<=6.050000',
      '1<=2.850000',
      'leaf[1,4]',
      'leaf[49,0]',
      'leaf[0,6]',
    ]);
  });

  it("classWeight 'balanced' matches sklearn's class_weight='balanced'", () => {
    const tree = new DecisionTree({ maxDepth: 2, classWeight: 'balanced' }).fit(Xi, yi);
    expect(outline(tree.toJSON())).toEqual([
      '0<=5.450000',
      '1<=2.800000',
      'leaf[0.6,6]',
      'leaf[26.4,0]',
      '1<=3.400000',
      'leaf[0,24]',
      'leaf[3,0]',
    ]);
    expect(tree.toJSON().impurity).toBeCloseTo(0.5, 12);
    const expected = [0.5136268343815513, 0.4863731656184486];
    tree.featureImportances.forEach((v, j) => expect(v).toBeCloseTo(expected[j], 12));
  });

  it('classWeight as a map matches sklearn ({0: 1, 1: 3})', () => {
    const tree = new DecisionTree({ maxDepth: 2, classWeight: { 1: 3 } }).fit(Xi, yi);
    expect(tree.toJSON().impurity).toBeCloseTo(0.46875, 12);
    expect(tree.toJSON().value).toEqual([50, 30]);
    const expected = [0.5207637463409895, 0.4792362536590105];
    tree.featureImportances.forEach((v, j) => expect(v).toBeCloseTo(expected[j], 12));
  });

  it('accepts tensors (anything with arraySync)', () => {
    const tree = new DecisionTree({ maxDepth: 1 }).fit(
      { arraySync: () => X },
      { arraySync: () => y },
    );
    expect(tree.toJSON().feature).toBe(3);
  });

  it('explains bad input', () => {
    expect(() => new DecisionTree().fit([[1, null]], [0])).toThrow(/X\[0\]\[1\] is null.*missing/);
    expect(() => new DecisionTree().fit([1, 2] as unknown as number[][], [0, 1])).toThrow(
      /X\.map\(\(x\) => \[x\]\)/,
    );
    expect(() => new DecisionTree().fit([[1], [2]], [0])).toThrow(/same length, got 2 and 1/);
    expect(() => new DecisionTree().fit([[1]], ['a'])).toThrow(/indexOf/);
    expect(() => new DecisionTree().predict([[1]])).toThrow(/not fitted/);
    const tree = new DecisionTree().fit(X, y);
    expect(() => tree.predict([[1, 2]])).toThrow(/2 features.*fitted on 4/);
  });
});

describe('DecisionTree on breast cancer', () => {
  const { Xtrain, ytrain, Xtest, ytest } = breastCancer();

  it('scores near sklearn (depth 4)', () => {
    const tree = new DecisionTree({ maxDepth: 4 }).fit(Xtrain, ytrain);
    // sklearn, max_depth=4, random_state 0–19 (ties broken at random): test accuracy
    // 0.909–0.930, mean 0.920; root split on feature 22 (worst perimeter).
    expect(tree.score(Xtest, ytest)).toBeGreaterThanOrEqual(0.89);
    expect(tree.score(Xtest, ytest)).toBeLessThanOrEqual(0.95);
    expect(tree.toJSON().feature).toBe(22);
  });

  it('fits in milliseconds (sort once per feature, then linear sweeps)', () => {
    new DecisionTree().fit(Xtrain, ytrain); // warms up the JIT
    const before = process.cpuUsage();
    const tree = new DecisionTree().fit(Xtrain, ytrain);
    const cpuMs = process.cpuUsage(before).user / 1000;
    // About 5 ms here on a loaded 2-core machine; a per-pair O(n²) search would take seconds.
    expect(cpuMs).toBeLessThan(100);
    expect(tree.score(Xtrain, ytrain)).toBe(1);
  });
});
