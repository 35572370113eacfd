/**
 * Sampling for `text.generate` at a temperature above 0, from a seeded generator:
 * Transformers.js' own sampler draws from `Math.random`, which cannot be seeded, so
 * generation runs in its greedy mode and this logits processor (run after the model's
 * own processors, such as a repetition penalty) draws the next token first and leaves
 * only that one possible.
 */

/**
 * Draws one index with probability softmax(scores / temperature); -Infinity scores are
 * never drawn.
 * @param rng returns numbers in [0, 1)
 */
export function sampleIndex(
  scores: ArrayLike<number>,
  temperature: number,
  rng: () => number,
): number {
  if (!(temperature > 0)) throw new RangeError(`sampleIndex needs a temperature > 0`);
  let max = -Infinity;
  for (let i = 0; i < scores.length; i += 1) if (scores[i] > max) max = scores[i];
  if (max === -Infinity) throw new RangeError('sampleIndex: every score is -Infinity');
  const weights = new Float64Array(scores.length);
  let total = 0;
  for (let i = 0; i < scores.length; i += 1) {
    weights[i] = Math.exp((scores[i] - max) / temperature);
    total += weights[i];
  }
  let u = rng() * total;
  let last = 0;
  for (let i = 0; i < weights.length; i += 1) {
    if (weights[i] === 0) continue;
    last = i;
    u -= weights[i];
    if (u < 0) return i;
  }
  // Rounding can leave u a hair above 0 after the last weight.
  return last;
}

/** The part of a Transformers.js logits tensor the processor uses: [batch, vocab]. */
export interface LogitsLike {
  data: ArrayLike<number> & { [i: number]: number };
  dims: number[];
}

/**
 * A Transformers.js logits processor: in each row of `logits`, draws a token and sets
 * every other score to -Infinity, so greedy decoding picks the drawn token.
 */
export function samplingProcessor(
  temperature: number,
  rng: () => number,
): <L extends LogitsLike>(inputIds: unknown, logits: L) => L {
  return (_inputIds, logits) => {
    const vocab = logits.dims.at(-1) ?? 0;
    const rows = vocab === 0 ? 0 : logits.data.length / vocab;
    for (let row = 0; row < rows; row += 1) {
      const start = row * vocab;
      const scores = Array.prototype.slice.call(logits.data, start, start + vocab) as number[];
      const chosen = sampleIndex(scores, temperature, rng);
      for (let i = 0; i < vocab; i += 1) logits.data[start + i] = -Infinity;
      logits.data[start + chosen] = 0;
    }
    return logits;
  };
}
