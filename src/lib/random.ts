/**
 * Repeatable randomness for lessons: the same seed gives the same numbers, on every
 * machine, so a learner's run matches the lesson text.
 *
 * A private seeded generator (seedrandom), never a replaced `Math.random`: other code
 * (tfjs, libraries) keeps its own randomness. tfjs ops take their own `seed` argument.
 */
import seedrandom from 'seedrandom';

/** The seed every kernel starts with. */
export const DEFAULT_SEED = 42;

let generator: () => number = seedrandom(String(DEFAULT_SEED));

/**
 * Restarts the random numbers from a fixed point: after `seed(7)`, the same calls
 * give the same values every time.
 *
 * @example
 * seed(7)
 * const a = random()
 * seed(7)
 * random() === a  // true
 */
export function seed(n: number): void {
  if (!Number.isFinite(n)) throw new TypeError(`seed(n) needs a number, got ${String(n)}`);
  generator = seedrandom(String(n));
}

/**
 * A random number between 0 (included) and 1 (excluded), all equally likely.
 *
 * @example
 * random()  // e.g. 0.37
 */
export function random(): number {
  return generator();
}

/**
 * A random number from the standard normal distribution (mean 0, spread 1).
 *
 * @example
 * const noise = randn() * 0.1
 */
export function randn(): number {
  // Box–Muller. 1 - u keeps log() away from 0. The second value of the pair is dropped
  // so that every call uses exactly two draws: easier to reason about after seed().
  const u = 1 - generator();
  const v = generator();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A random whole number from `lo` up to, but not including, `hi`.
 *
 * @example
 * const dice = randomInt(1, 7)  // 1 to 6
 */
export function randomInt(lo: number, hi: number): number {
  if (!Number.isInteger(lo) || !Number.isInteger(hi)) {
    throw new TypeError(`randomInt(lo, hi) needs whole numbers, got ${lo} and ${hi}`);
  }
  if (hi <= lo) throw new RangeError(`randomInt(lo, hi) needs hi > lo, got ${lo} and ${hi}`);
  return lo + Math.floor(generator() * (hi - lo));
}

/**
 * A shuffled copy of an array (the original is left as it was).
 *
 * @example
 * shuffle([1, 2, 3, 4])  // e.g. [3, 1, 4, 2]
 */
export function shuffle<T>(array: readonly T[]): T[] {
  const copy = [...array];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(generator() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
