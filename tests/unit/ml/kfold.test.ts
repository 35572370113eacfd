import { describe, expect, it } from 'vitest';
import { kfold } from '../../../src/lib/ml/kfold';

describe('kfold', () => {
  it('tests every row exactly once and trains on the rest', () => {
    const folds = kfold(23, 5, { seed: 3 });
    expect(folds).toHaveLength(5);
    const tested = folds.flatMap((fold) => fold.test).sort((a, b) => a - b);
    expect(tested).toEqual(Array.from({ length: 23 }, (_, i) => i));
    for (const fold of folds) {
      expect(fold.train.length + fold.test.length).toBe(23);
      expect(fold.train.some((row) => fold.test.includes(row))).toBe(false);
    }
  });

  it('makes the first n % k folds one row larger, as scikit-learn KFold', () => {
    expect(kfold(23, 5).map((fold) => fold.test.length)).toEqual([5, 5, 5, 4, 4]);
  });

  it('cuts consecutive blocks without shuffling', () => {
    expect(kfold(6, 3, { shuffle: false }).map((fold) => fold.test)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });

  it('is repeatable for a seed and differs between seeds', () => {
    expect(kfold(30, 3, { seed: 1 })).toEqual(kfold(30, 3, { seed: 1 }));
    expect(kfold(30, 3, { seed: 1 })[0].test).not.toEqual(kfold(30, 3, { seed: 2 })[0].test);
  });

  it('keeps class proportions in every fold when stratified', () => {
    const labels = [...Array(20).fill('a'), ...Array(10).fill('b')] as string[];
    for (const fold of kfold(30, 5, { stratify: labels })) {
      const b = fold.test.filter((row) => labels[row] === 'b').length;
      expect(fold.test).toHaveLength(6);
      expect(b).toBe(2);
    }
  });

  it('explains impossible requests', () => {
    expect(() => kfold(3, 5)).toThrow(/need at least 5 rows/);
    expect(() => kfold(10, 1)).toThrow(/k must be 2 or more/);
  });
});
