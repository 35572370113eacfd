import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { trainTestSplit } from '../../../src/lib/ml/split';

const X = Array.from({ length: 20 }, (_, i) => [i, i * 10]);
const y = Array.from({ length: 20 }, (_, i) => (i < 15 ? 0 : 1));

describe('trainTestSplit', () => {
  it('holds back ceil(testSize × n) rows, as scikit-learn, keeping rows and labels paired', () => {
    const split = trainTestSplit(X, y, { testSize: 0.33 });
    expect(split.Xtest).toHaveLength(7);
    expect(split.Xtrain).toHaveLength(13);
    split.Xtest.forEach((row, i) => expect(split.ytest[i]).toBe(row[0] < 15 ? 0 : 1));
    const all = [...split.trainIndices, ...split.testIndices].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => i));
    split.testIndices.forEach((row, i) => expect(split.Xtest[i]).toEqual(X[row]));
  });

  it('defaults to a quarter for testing and seed 0, repeatably', () => {
    const first = trainTestSplit(X, y);
    expect(first.Xtest).toHaveLength(5);
    expect(trainTestSplit(X, y)).toEqual(first);
    expect(trainTestSplit(X, y, { seed: 1 }).testIndices).not.toEqual(first.testIndices);
  });

  it('keeps class proportions when stratified', () => {
    // 15 of class 0 and 5 of class 1; a test set of 8 takes 6 and 2.
    for (const seed of [0, 1, 2, 3]) {
      const split = trainTestSplit(X, y, { testSize: 8, stratify: true, seed });
      expect(split.ytest.filter((label) => label === 1)).toHaveLength(2);
      expect(split.ytrain.filter((label) => label === 1)).toHaveLength(3);
    }
  });

  it('accepts tensors and string labels', () => {
    const Xt = tf.tensor2d(X);
    const split = trainTestSplit(
      Xt,
      y.map((label) => (label ? 'yes' : 'no')),
    );
    Xt.dispose();
    expect(split.Xtrain[0]).toHaveLength(2);
    expect(new Set(split.ytrain)).toEqual(new Set(['no', 'yes']));
  });

  it('names a missing value and a length mismatch', () => {
    expect(() => trainTestSplit([[1], [null as unknown as number]], [0, 1])).toThrow(
      /X\[1\]\[0\] is missing/,
    );
    expect(() => trainTestSplit(X, [0, 1])).toThrow(/X has 20 rows but y has 2 labels/);
    expect(() => trainTestSplit(X, y, { testSize: 1.5 })).toThrow(/must be whole/);
  });
});
