/**
 * The two-sample Kolmogorov–Smirnov test: D is the largest gap between the two empirical
 * CDFs; the p-value is the chance of a gap at least that large if both samples came from
 * one distribution.
 *
 * 'exact' counts it as scipy's `ks_2samp(method='exact')` does: merging the two sorted
 * samples is a random lattice path from (0, 0) to (n, m), every path equally likely under
 * the null, and p is the probability that the path touches a point where
 * |i/n − j/m| ≥ D. The path is walked as a Markov chain (step right with probability
 * (n − i)/(n − i + m − j)), so nothing overflows and the small "outside" mass is summed
 * directly, O(n · m) time. 'asymp' is Kolmogorov's limit distribution at √(nm/(n+m))·D
 * (R's ks.test and scipy before 1.5; scipy 1.10's 'asymp' uses the finite-n one-sample
 * distribution instead, which differs in the third decimal at n ≈ 100). 'auto', the
 * default, is exact when both samples have at most EXACT_MAX values, as scipy's.
 */
import { toNumbers, type VectorInput } from './input';

export interface KsOptions {
  method?: 'auto' | 'exact' | 'asymp';
}

export interface KolmogorovSmirnov {
  /** D: the largest vertical gap between the two empirical CDFs, 0 to 1. */
  statistic: number;
  pValue: number;
  /** Which p-value was computed. */
  method: 'exact' | 'asymp';
}

export const EXACT_MAX = 10_000;

export function ks(a: VectorInput, b: VectorInput, options: KsOptions = {}): KolmogorovSmirnov {
  const x = sortedSample(a, 'a');
  const y = sortedSample(b, 'b');
  const n = x.length;
  const m = y.length;
  const gap = largestGap(x, y);
  const statistic = gap / (n * m);
  const requested = options.method ?? 'auto';
  if (!['auto', 'exact', 'asymp'].includes(requested)) {
    throw new RangeError(`method must be 'auto', 'exact' or 'asymp', got ${String(requested)}`);
  }
  const method =
    requested === 'auto' ? (Math.max(n, m) <= EXACT_MAX ? 'exact' : 'asymp') : requested;
  const pValue =
    method === 'exact'
      ? exactPValue(n, m, gap)
      : kolmogorovSurvival(Math.sqrt((n * m) / (n + m)) * statistic);
  return { statistic, pValue: Math.min(1, Math.max(0, pValue)), method };
}

function sortedSample(values: VectorInput, name: string): Float64Array {
  const numbers = toNumbers(values, name);
  if (numbers.length === 0) throw new RangeError(`${name} is empty: the KS test needs values`);
  return Float64Array.from(numbers).sort();
}

/** max |i·m − j·n| over the merged order, a whole number (D · n · m); ties move together. */
function largestGap(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  const m = y.length;
  let i = 0;
  let j = 0;
  let largest = 0;
  while (i < n || j < m) {
    const next = Math.min(i < n ? x[i] : Infinity, j < m ? y[j] : Infinity);
    while (i < n && x[i] === next) i++;
    while (j < m && y[j] === next) j++;
    largest = Math.max(largest, Math.abs(i * m - j * n));
  }
  return largest;
}

/** P(a random merge path reaches |i·m − j·n| ≥ gap). */
function exactPValue(n: number, m: number, gap: number): number {
  if (gap === 0) return 1;
  // probability[j]: chance of being at (i, j) without having touched the boundary yet.
  let probability = new Float64Array(m + 1);
  let next = new Float64Array(m + 1);
  probability[0] = 1;
  let outside = 0;
  const touches = (i: number, j: number) => Math.abs(i * m - j * n) >= gap;
  for (let i = 0; i <= n; i++) {
    next.fill(0);
    for (let j = 0; j <= m; j++) {
      const here = probability[j];
      if (here === 0) continue;
      const left = n - i + m - j;
      if (left === 0) continue;
      if (i < n) {
        const share = (here * (n - i)) / left;
        if (touches(i + 1, j)) outside += share;
        else next[j] += share;
      }
      if (j < m) {
        const share = (here * (m - j)) / left;
        if (touches(i, j + 1)) outside += share;
        else probability[j + 1] += share;
      }
    }
    [probability, next] = [next, probability];
  }
  return outside;
}

/** Kolmogorov's limit: P(K > x) = 2 Σ (−1)^(k−1) exp(−2k²x²). */
export function kolmogorovSurvival(x: number): number {
  if (x <= 0) return 1;
  if (x < 1) {
    // The alternating series converges slowly here: use 1 − CDF with the Jacobi form.
    let cdf = 0;
    for (let k = 1; k <= 20; k++) {
      cdf += Math.exp((-((2 * k - 1) ** 2) * Math.PI ** 2) / (8 * x * x));
    }
    return 1 - (Math.sqrt(2 * Math.PI) / x) * cdf;
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    sum += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-300) break;
  }
  return 2 * sum;
}
