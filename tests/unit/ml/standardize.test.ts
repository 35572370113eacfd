import { describe, expect, it } from 'vitest';
import { standardize } from '../../../src/lib/ml/scale';
import { loadIris } from './load-fixtures';

describe('standardize', () => {
  it('matches scikit-learn StandardScaler on iris', () => {
    // sklearn 1.2.1: StandardScaler().fit(iris).mean_ and .scale_ (population deviation).
    const { X } = loadIris();
    const scaled = standardize(X);
    const mean = [5.843333333333335, 3.057333333333334, 3.7580000000000027, 1.199333333333334];
    const std = [0.8253012917851409, 0.43441096773549437, 1.7594040657753032, 0.7596926279021594];
    scaled.mean.forEach((value, j) => expect(value).toBeCloseTo(mean[j], 12));
    scaled.std.forEach((value, j) => expect(value).toBeCloseTo(std[j], 12));
    expect(scaled.Xtrain[0][0]).toBeCloseTo((5.1 - mean[0]) / std[0], 12);
  });

  it('fits on the training rows only and applies that to the test rows', () => {
    const scaled = standardize([[0], [2]], [[4]]);
    expect(scaled.mean).toEqual([1]);
    expect(scaled.std).toEqual([1]);
    expect(scaled.Xtrain).toEqual([[-1], [1]]);
    expect(scaled.Xtest).toEqual([[3]]);
    expect(scaled.transform([[1]])).toEqual([[0]]);
  });

  it('leaves a constant feature at zero instead of dividing by zero', () => {
    const scaled = standardize([
      [0.1, 5],
      [0.1, 7],
      [0.1, 9],
    ]);
    expect(scaled.std[0]).toBe(1);
    expect(scaled.Xtrain.map((row) => row[0])).toEqual([0, 0, 0]);
  });

  it('rejects test rows with another number of features', () => {
    expect(() => standardize([[1, 2]], [[1]])).toThrow(/Xtest has 1 features but Xtrain has 2/);
  });
});
