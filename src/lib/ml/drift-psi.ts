/**
 * The population stability index of a current sample b against a reference sample a:
 * PSI = Σ (bᵢ − aᵢ) · ln(bᵢ / aᵢ) over bins, with aᵢ, bᵢ the shares of each sample in
 * bin i. The bins are the reference's quantiles (equal shares of a, numpy's default
 * 'linear' quantiles), open to ±∞ at the ends so every current value lands in one.
 * A bin one sample leaves empty would make ln infinite: its share is floored at
 * EMPTY_SHARE, the usual convention. Usual reading: < 0.1 stable, 0.1–0.25 moderate
 * shift, > 0.25 a shift worth acting on.
 */
import { toNumbers, type VectorInput } from './input';

export interface PsiOptions {
  /** Quantile bins of the reference (default 10), or explicit inner edges, ascending. */
  bins?: number | readonly number[];
}

export interface Psi {
  statistic: number;
  /** Inner bin edges: bin 0 is (−∞, edges[0]), the last is [edges[last], ∞). */
  edges: number[];
  /** Share of the reference sample a in each bin. */
  expected: number[];
  /** Share of the current sample b in each bin. */
  actual: number[];
}

/** Floor for a bin's share, so an empty bin adds a large but finite term. */
export const EMPTY_SHARE = 1e-4;

export function psi(a: VectorInput, b: VectorInput, options: PsiOptions = {}): Psi {
  const reference = nonEmpty(toNumbers(a, 'a'), 'a');
  const current = nonEmpty(toNumbers(b, 'b'), 'b');
  const edges = innerEdges(reference, options.bins ?? 10);
  const expected = shares(reference, edges);
  const actual = shares(current, edges);
  let statistic = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i], EMPTY_SHARE);
    const c = Math.max(actual[i], EMPTY_SHARE);
    statistic += (c - e) * Math.log(c / e);
  }
  return { statistic, edges, expected, actual };
}

function nonEmpty(values: number[], name: string): number[] {
  if (values.length === 0) throw new RangeError(`${name} is empty: drift needs values to compare`);
  return values;
}

/** Quantiles 1/bins … (bins − 1)/bins of the reference, repeated edges dropped. */
function innerEdges(reference: number[], bins: number | readonly number[]): number[] {
  if (Array.isArray(bins)) {
    const edges = toNumbers(bins, 'bins');
    if (edges.some((edge, i) => i > 0 && edge <= edges[i - 1])) {
      throw new RangeError('bins (explicit edges) must be strictly ascending');
    }
    return edges;
  }
  const count = bins as number;
  if (!Number.isInteger(count) || count < 2) {
    throw new RangeError(`bins must be a whole number >= 2 or a list of edges, got ${count}`);
  }
  const sorted = [...reference].sort((x, y) => x - y);
  const edges: number[] = [];
  for (let q = 1; q < count; q++) {
    const edge = quantile(sorted, q / count);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/** numpy's default quantile: linear between the two nearest order statistics. */
export function quantile(sorted: readonly number[], q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Share of values in each bin: bin i holds edges[i − 1] <= v < edges[i]. */
function shares(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const value of values) {
    let low = 0;
    let high = edges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (edges[mid] <= value) low = mid + 1;
      else high = mid;
    }
    counts[low]++;
  }
  return counts.map((count) => count / values.length);
}
