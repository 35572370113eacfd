/**
 * Turning a language model's next-token scores into a choice: softmax, temperature,
 * top-k, top-p (nucleus) and drawing one token. Pure functions over plain arrays, so a
 * lesson can print every step and a learner can re-implement any of them.
 *
 * Each step takes probabilities and returns new probabilities that sum to 1 (the tokens
 * a filter removes get probability 0), so they chain:
 * `sample(topP(topK(applyTemperature(probs, 0.8), 40), 0.9), rng)`.
 */

/** Scores (logits) to probabilities. Subtracting the largest score first avoids overflow. */
export function softmax(logits: readonly number[]): number[] {
  checkNumbers(logits, 'softmax', 'logits');
  const max = Math.max(...logits);
  const exps = logits.map((value) => Math.exp(value - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / total);
}

/** The index of the largest value (the first one if several are equal). */
export function argmax(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('argmax needs at least one value');
  let best = 0;
  for (let i = 1; i < values.length; i += 1) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * Sharpens (temperature < 1) or flattens (> 1) a distribution: p_i^(1/T), renormalised,
 * which is the same as dividing the logits by T before the softmax. Temperature 0 puts
 * all the probability on the most likely token (greedy decoding).
 *
 * @example
 * applyTemperature([0.2, 0.8], 0.5)  // [0.0588…, 0.9411…]
 */
export function applyTemperature(probs: readonly number[], temperature: number): number[] {
  checkProbs(probs, 'applyTemperature');
  if (!Number.isFinite(temperature) || temperature < 0) {
    throw new RangeError(`applyTemperature needs a temperature ≥ 0, got ${temperature}`);
  }
  if (temperature === 0) {
    const best = argmax(probs);
    return probs.map((_, i) => (i === best ? 1 : 0));
  }
  // In log space: p^(1/T) of small probabilities underflows for small T.
  const logits = probs.map((p) => (p > 0 ? Math.log(p) / temperature : -Infinity));
  const max = Math.max(...logits);
  const weights = logits.map((value) => (value === -Infinity ? 0 : Math.exp(value - max)));
  return normalise(weights);
}

/**
 * Keeps the k most likely tokens and renormalises; the others get 0. Ties are broken
 * by position (the earlier token is kept), so the result never depends on sort details.
 *
 * @example
 * topK([0.1, 0.5, 0.15, 0.25], 2)  // [0, 0.6667, 0, 0.3333]
 */
export function topK(probs: readonly number[], k: number): number[] {
  checkProbs(probs, 'topK');
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`topK needs k ≥ 1 (whole), got ${k}`);
  const keep = new Set(rankDescending(probs).slice(0, k));
  return normalise(probs.map((p, i) => (keep.has(i) ? p : 0)));
}

/**
 * Nucleus sampling's filter: keeps the most likely tokens until their probabilities add
 * up to at least p, then renormalises. The most likely token is always kept.
 *
 * @example
 * topP([0.1, 0.5, 0.15, 0.25], 0.7)  // [0, 0.6667, 0, 0.3333]: 0.5 + 0.25 ≥ 0.7
 */
export function topP(probs: readonly number[], p: number): number[] {
  checkProbs(probs, 'topP');
  if (!Number.isFinite(p) || p <= 0 || p > 1) {
    throw new RangeError(`topP needs 0 < p ≤ 1, got ${p}`);
  }
  const total = probs.reduce((a, b) => a + b, 0);
  const keep = new Set<number>();
  let sum = 0;
  for (const i of rankDescending(probs)) {
    keep.add(i);
    sum += probs[i] / total;
    // A small allowance: 0.7 written as 0.5 + 0.2 is 0.7000000000000001 or 0.6999999999999998.
    if (sum >= p - 1e-12) break;
  }
  return normalise(probs.map((value, i) => (keep.has(i) ? value : 0)));
}

/**
 * Draws an index with the given probabilities, using one number from `rng` (uniform in
 * [0, 1)): the first index whose running total passes it. The same rng state gives the
 * same token.
 *
 * @example
 * sample([0.2, 0.5, 0.3], () => 0.6)  // 1: 0.2 ≤ 0.6 < 0.2 + 0.5
 */
export function sample(probs: readonly number[], rng: () => number): number {
  checkProbs(probs, 'sample');
  const total = probs.reduce((a, b) => a + b, 0);
  const u = rng();
  if (!(u >= 0 && u < 1)) throw new RangeError(`sample needs rng() in [0, 1), got ${u}`);
  const target = u * total;
  let sum = 0;
  let last = 0;
  for (let i = 0; i < probs.length; i += 1) {
    if (probs[i] === 0) continue;
    sum += probs[i];
    last = i;
    if (target < sum) return i;
  }
  // Rounding can leave the total a hair below target: the last possible token.
  return last;
}

/** Indices sorted by value, largest first; equal values keep their order. */
function rankDescending(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
}

function normalise(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

function checkNumbers(values: readonly number[], fn: string, what: string): void {
  if (!Array.isArray(values) || values.length === 0) {
    throw new TypeError(`${fn} needs a non-empty array of ${what}`);
  }
  const bad = values.findIndex((v) => typeof v !== 'number' || Number.isNaN(v));
  if (bad >= 0)
    throw new TypeError(`${fn}: ${what}[${bad}] is ${String(values[bad])}, not a number`);
}

function checkProbs(probs: readonly number[], fn: string): void {
  checkNumbers(probs, fn, 'probabilities');
  const bad = probs.findIndex((p) => !(p >= 0) || !Number.isFinite(p));
  if (bad >= 0) {
    throw new RangeError(`${fn}: probabilities must be ≥ 0 and finite; [${bad}] is ${probs[bad]}`);
  }
  if (!probs.some((p) => p > 0)) throw new RangeError(`${fn}: all probabilities are 0`);
}
