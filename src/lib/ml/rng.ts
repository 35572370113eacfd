/**
 * A seeded random generator private to one `ml` call.
 *
 * Each call makes its own from its `seed` option, so `ml.kmeans(X, 3, { seed: 1 })` gives
 * the same answer whatever ran before, and the learner's `seed()` / `random()` sequence
 * (../random.ts) is left untouched.
 */
import seedrandom from 'seedrandom';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffleInPlace<T>(items: T[]): T[];
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new TypeError(`seed must be a number, got ${String(seed)}`);
  const next = seedrandom(`playgrad-ml:${seed}`);
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    shuffleInPlace<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const held = items[i];
        items[i] = items[j];
        items[j] = held;
      }
      return items;
    },
  };
}

/** 0, 1, …, n - 1. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
