import { describe, expect, it } from 'vitest';
import { random, randn, randomInt, seed, shuffle } from '../../../src/lib/random';

describe('seed and random', () => {
  it('gives known values after seed(42), the kernel’s starting seed', () => {
    seed(42);
    expect(random()).toBe(0.00701751618236155);
    expect(random()).toBe(0.17185490054868188);
    expect(random()).toBe(0.967001069269818);
  });

  it('repeats the same sequence for the same seed, and differs for another', () => {
    seed(7);
    const first = [random(), randn(), randomInt(0, 100), shuffle([1, 2, 3, 4, 5])];
    seed(7);
    const again = [random(), randn(), randomInt(0, 100), shuffle([1, 2, 3, 4, 5])];
    expect(again).toEqual(first);
    seed(8);
    expect(random()).not.toBe(first[0]);
  });

  it('leaves Math.random alone', () => {
    const before = Math.random;
    seed(1);
    expect(Math.random).toBe(before);
  });

  it('keeps random() in [0, 1)', () => {
    seed(3);
    const values = Array.from({ length: 10_000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe('randn', () => {
  it('has mean about 0 and spread about 1', () => {
    seed(1);
    const values = Array.from({ length: 20_000 }, randn);
    const mean = values.reduce((a, b) => a + b) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});

describe('randomInt', () => {
  it('covers lo to hi - 1 and never hi', () => {
    seed(2);
    const seen = new Set(Array.from({ length: 1000 }, () => randomInt(1, 7)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses an empty or fractional range', () => {
    expect(() => randomInt(3, 3)).toThrow(RangeError);
    expect(() => randomInt(0, 2.5)).toThrow(TypeError);
  });
});

describe('shuffle', () => {
  it('returns a new array with the same items and leaves the original alone', () => {
    seed(5);
    const original = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = shuffle(original);
    expect(original).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(shuffled).not.toBe(original);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(original);
    expect(shuffled).not.toEqual(original);
  });

  it('gives a known order for a known seed', () => {
    seed(7);
    randn();
    randomInt(0, 10);
    expect(shuffle([1, 2, 3, 4, 5])).toEqual([4, 3, 5, 1, 2]);
  });
});
