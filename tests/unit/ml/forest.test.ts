/**
 * RandomForest against scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1). The
 * random draws differ from sklearn's, so the checks are bands around sklearn's results and
 * properties any correct forest has.
 */
import { describe, expect, it } from 'vitest';
import { RandomForest } from '../../../src/lib/ml/forest';
import { DecisionTree } from '../../../src/lib/ml/tree';
import { breastCancer, iris } from './tree-data';

describe('RandomForest on breast cancer', () => {
  const { Xtrain, ytrain, Xtest, ytest } = breastCancer();
  const forest = new RandomForest({ nTrees: 100, seed: 0 }).fit(Xtrain, ytrain);

  it('scores near sklearn (100 trees)', () => {
    // sklearn RandomForestClassifier(n_estimators=100), random_state 0–9 on the same split:
    // test accuracy 0.937–0.958, mean 0.949. A depth-4 tree gets about 0.92.
    const accuracy = forest.score(Xtest, ytest);
    expect(accuracy).toBeGreaterThanOrEqual(0.92);
    expect(accuracy).toBeLessThanOrEqual(0.98);
    expect(forest.nTrees).toBe(100);
  });

  it('ranks the features sklearn ranks first', () => {
    const importances = forest.featureImportances;
    expect(importances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const top = importances
      .map((value, feature) => ({ value, feature }))
      .sort((a, b) => b.value - a.value)
      .slice(0, 3)
      .map((entry) => entry.feature);
    // sklearn (random_state=0) top 8: 22, 20, 27, 7, 6, 23, 3, 2 (worst/mean size and concavity).
    for (const feature of top) expect([22, 20, 27, 7, 6, 23, 3, 2, 0, 26]).toContain(feature);
  });

  it('averages tree probabilities into rows that sum to 1', () => {
    const probabilities = forest.predictProba(Xtest.slice(0, 20));
    for (const row of probabilities) {
      expect(row).toHaveLength(2);
      expect(row[0] + row[1]).toBeCloseTo(1, 12);
    }
    // Each probability is a mean over 100 trees of leaf shares, so most are not 0 or 1.
    expect(probabilities.some((row) => row[0] > 0.05 && row[0] < 0.95)).toBe(true);
    const predicted = forest.predict(Xtest.slice(0, 20));
    predicted.forEach((label, i) => expect(label).toBe(probabilities[i][1] > 0.5 ? 1 : 0));
  });

  it('is repeatable with a seed and changes with another', () => {
    const again = new RandomForest({ nTrees: 10, seed: 3 }).fit(Xtrain, ytrain);
    const same = new RandomForest({ nTrees: 10, seed: 3 }).fit(Xtrain, ytrain);
    const other = new RandomForest({ nTrees: 10, seed: 4 }).fit(Xtrain, ytrain);
    expect(same.predictProba(Xtest)).toEqual(again.predictProba(Xtest));
    expect(other.predictProba(Xtest)).not.toEqual(again.predictProba(Xtest));
    expect(again.toJSON()).toHaveLength(10);
  });
});

describe('RandomForest options', () => {
  const { X, y } = iris();

  it('one tree, no bootstrap, all features, is exactly the decision tree', () => {
    const options = { maxDepth: 3 } as const;
    const forest = new RandomForest({
      ...options,
      nTrees: 1,
      bootstrap: false,
      maxFeatures: 'all',
    });
    forest.fit(X, y);
    const tree = new DecisionTree(options).fit(X, y);
    expect(forest.toJSON()[0]).toEqual(tree.toJSON());
    const expected = tree.featureImportances;
    forest.featureImportances.forEach((v, j) => expect(v).toBeCloseTo(expected[j], 14));
  });

  it('grows each tree on a bootstrap sample (about 63% of distinct rows)', () => {
    const forest = new RandomForest({ nTrees: 20, seed: 1 }).fit(X, y);
    for (const root of forest.toJSON()) {
      // samples = distinct rows drawn; value sums to the 150 draws.
      expect(root.samples).toBeGreaterThan(80);
      expect(root.samples).toBeLessThan(115);
      expect(root.value.reduce((a, b) => a + b, 0)).toBe(150);
    }
  });

  it('class weights raise recall of a rare class', () => {
    // 50 setosa vs 10 versicolor on sepal features, shallow trees.
    const rows = [...Array(50).keys(), ...Array.from({ length: 10 }, (_, i) => 50 + i)];
    const Xi = rows.map((i) => X[i].slice(0, 2));
    const yi = rows.map((i) => y[i]);
    const rareFound = (forest: RandomForest) =>
      forest.predict(Xi).filter((label, i) => label === 1 && yi[i] === 1).length;
    const plain = new RandomForest({ nTrees: 30, maxDepth: 1, seed: 0 }).fit(Xi, yi);
    const balanced = new RandomForest({
      nTrees: 30,
      maxDepth: 1,
      seed: 0,
      classWeight: 'balanced',
    }).fit(Xi, yi);
    const subsample = new RandomForest({
      nTrees: 30,
      maxDepth: 1,
      seed: 0,
      classWeight: 'balancedSubsample',
    }).fit(Xi, yi);
    expect(rareFound(balanced)).toBeGreaterThan(rareFound(plain));
    expect(rareFound(subsample)).toBeGreaterThan(rareFound(plain));
  });

  it('explains bad options and use before fit', () => {
    expect(() => new RandomForest({ nTrees: 0 })).toThrow(/nTrees/);
    expect(() => new RandomForest({ maxFeatures: 0 }).fit(X, y)).toThrow(/maxFeatures/);
    expect(() => new RandomForest().predict(X)).toThrow(/not fitted/);
  });
});
