import { describe, expect, it } from 'vitest';
import {
  applyTemperature,
  argmax,
  sample,
  softmax,
  topK,
  topP,
} from '../../../src/lib/text/sampling';

const CLOSE = 12; // decimal digits for toBeCloseTo on exact arithmetic

function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value, `[${i}]`).toBeCloseTo(expected[i], CLOSE));
}

describe('softmax', () => {
  it('exponentiates and normalises', () => {
    const e = Math.E;
    expectClose(
      softmax([0, 1, 2]),
      [1, e, e * e].map((v) => v / (1 + e + e * e)),
    );
  });
  it('does not overflow on large logits', () => {
    expectClose(softmax([1000, 1000]), [0.5, 0.5]);
  });
  it('rejects NaN with the position', () => {
    expect(() => softmax([1, NaN])).toThrow('logits[1] is NaN');
  });
});

describe('argmax', () => {
  it('returns the first of equal maxima', () => {
    expect(argmax([0.1, 0.4, 0.4, 0.1])).toBe(1);
  });
});

describe('applyTemperature', () => {
  it('temperature 1 leaves the distribution as it is', () => {
    expectClose(applyTemperature([0.2, 0.3, 0.5], 1), [0.2, 0.3, 0.5]);
  });
  it('temperature 0.5 squares and renormalises', () => {
    // 0.04 / 0.68 and 0.64 / 0.68
    expectClose(applyTemperature([0.2, 0.8], 0.5), [1 / 17, 16 / 17]);
  });
  it('temperature 2 takes square roots', () => {
    const a = Math.sqrt(0.2);
    const b = Math.sqrt(0.8);
    expectClose(applyTemperature([0.2, 0.8], 2), [a / (a + b), b / (a + b)]);
  });
  it('temperature 0 is greedy', () => {
    expect(applyTemperature([0.2, 0.5, 0.3], 0)).toEqual([0, 1, 0]);
  });
  it('keeps zeros at zero and survives tiny temperatures', () => {
    expectClose(applyTemperature([0, 0.4, 0.6], 0.001), [0, 0, 1]);
  });
  it('rejects a negative temperature', () => {
    expect(() => applyTemperature([0.5, 0.5], -1)).toThrow('temperature ≥ 0');
  });
});

describe('topK', () => {
  it('keeps the k likeliest and renormalises', () => {
    expectClose(topK([0.1, 0.5, 0.15, 0.25], 2), [0, 2 / 3, 0, 1 / 3]);
  });
  it('breaks ties by position', () => {
    expect(topK([0.25, 0.25, 0.25, 0.25], 2)).toEqual([0.5, 0.5, 0, 0]);
  });
  it('k at least the vocabulary keeps everything', () => {
    expectClose(topK([0.1, 0.9], 5), [0.1, 0.9]);
  });
  it('rejects k = 0', () => {
    expect(() => topK([0.5, 0.5], 0)).toThrow('k ≥ 1');
  });
});

describe('topP', () => {
  it('keeps the smallest set reaching p', () => {
    // 0.5 < 0.7, 0.5 + 0.25 ≥ 0.7
    expectClose(topP([0.1, 0.5, 0.15, 0.25], 0.7), [0, 2 / 3, 0, 1 / 3]);
  });
  it('a sum exactly equal to p stops there despite rounding', () => {
    expectClose(topP([0.1, 0.2, 0.7], 0.9), [0, 2 / 9, 7 / 9]);
  });
  it('always keeps the likeliest token', () => {
    expect(topP([0.2, 0.8], 0.01)).toEqual([0, 1]);
  });
  it('p = 1 keeps everything', () => {
    expectClose(topP([0.1, 0.2, 0.7], 1), [0.1, 0.2, 0.7]);
  });
  it('rejects p outside (0, 1]', () => {
    expect(() => topP([0.5, 0.5], 0)).toThrow('0 < p ≤ 1');
    expect(() => topP([0.5, 0.5], 1.5)).toThrow('0 < p ≤ 1');
  });
});

describe('sample', () => {
  it('picks the index whose running total passes rng()', () => {
    const probs = [0.2, 0.5, 0.3];
    expect(sample(probs, () => 0)).toBe(0);
    expect(sample(probs, () => 0.19)).toBe(0);
    expect(sample(probs, () => 0.2)).toBe(1);
    expect(sample(probs, () => 0.6)).toBe(1);
    expect(sample(probs, () => 0.7)).toBe(2);
    expect(sample(probs, () => 0.999999)).toBe(2);
  });
  it('never picks a zero-probability token', () => {
    expect(sample([0.5, 0, 0.5, 0], () => 0.9999999999)).toBe(2);
    expect(sample([0, 1, 0], () => 0)).toBe(1);
  });
  it('follows the probabilities over many draws', () => {
    let state = 1;
    const lcg = () => (state = (state * 16807) % 2147483647) / 2147483647;
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) counts[sample([0.2, 0.5, 0.3], lcg)] += 1;
    expect(counts.map((c) => c / 30_000)).toEqual([
      expect.closeTo(0.2, 2),
      expect.closeTo(0.5, 2),
      expect.closeTo(0.3, 2),
    ]);
  });
  it('rejects negative probabilities and a bad rng', () => {
    expect(() => sample([0.5, -0.1], () => 0.5)).toThrow('[1] is -0.1');
    expect(() => sample([0.5, 0.5], () => 1)).toThrow('rng() in [0, 1)');
    expect(() => sample([0, 0], () => 0.5)).toThrow('all probabilities are 0');
  });
});
