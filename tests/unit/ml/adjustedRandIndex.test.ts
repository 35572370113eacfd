import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../src/lib/ml/ari';

// Expected values: scikit-learn 1.2.1 `adjusted_rand_score` (Debian python3-sklearn), the
// first six are the examples in its documentation.
describe('adjustedRandIndex', () => {
  it('is 1 for identical and for renamed groupings', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2, 3], [3, 2, 1, 0])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b'], [7, 7, 3])).toBe(1);
  });

  it('matches scikit-learn on partial agreement', () => {
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285714, 12);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285714, 12);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(
      0.24242424242424243,
      12,
    );
  });

  it('is 0 or below when the groupings disagree', () => {
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it('is 1 when both put everything in one group', () => {
    expect(adjustedRandIndex([0, 0, 0, 0], [5, 5, 5, 5])).toBe(1);
  });

  it('rejects labelings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0, 1, 1])).toThrow(/differ in length: 2 and 3/);
  });
});
