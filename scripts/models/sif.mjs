// The maths of the SIF sentence embedding (Arora, Liang and Ma, 2017, "A simple but
// tough-to-beat baseline for sentence embeddings"), done once at build time:
//
//   sentence vector = (I - u uᵀ) · mean over its words of  a / (a + p(w)) · v(w)
//
// p(w) is the word's frequency, a a small constant (so frequent words like "the" count
// little), and u the "common component" that all sentence vectors share.

/** SIF's smoothing constant; 1e-3 is the paper's usual value. Fixed before any evaluation. */
export const SIF_A = 1e-3;

/** GloVe 6B's vocabulary size; its words come sorted by frequency (rank 0 = most frequent). */
export const GLOVE_VOCABULARY_SIZE = 400_000;

/**
 * GloVe files carry no counts, only the frequency order. Zipf's law turns a rank into a
 * frequency: p(rank r) = 1 / ((r + 1) · H), H the harmonic number of the vocabulary size.
 * It gives "the" ≈ 7 % of tokens, close to the ≈ 5–6 % measured in English news text.
 */
export function zipfFrequency(rank) {
  return 1 / ((rank + 1) * harmonic(GLOVE_VOCABULARY_SIZE));
}

let cachedHarmonic;
function harmonic(n) {
  if (cachedHarmonic?.n !== n) {
    let sum = 0;
    for (let k = 1; k <= n; k++) sum += 1 / k;
    cachedHarmonic = { n, sum };
  }
  return cachedHarmonic.sum;
}

export function sifWeight(frequency, a = SIF_A) {
  return a / (a + frequency);
}

/**
 * The common component u: the top eigenvector of E[s sᵀ] for sentence vectors s.
 *
 * The paper takes it from the sentences of a corpus. We have no English corpus among the
 * packages this project may use, so we take it from the corpus model SIF itself assumes:
 * sentences of `sentenceLength` words drawn independently with probabilities p(w). Then
 *   E[s sᵀ] = (1/n) Σ p·w²·v vᵀ + (1 − 1/n) m mᵀ,   m = Σ p·w·v,
 * exactly, with no sampling (p renormalised over the words kept).
 *
 * @param {Float32Array[]} vectors  word vectors
 * @param {number[]} frequencies    p(w) of each word
 * @param {number[]} weights        SIF weight of each word
 */
export function commonComponent(vectors, frequencies, weights, sentenceLength = 10) {
  const dims = vectors[0].length;
  const total = frequencies.reduce((sum, p) => sum + p, 0);
  const second = new Float64Array(dims * dims);
  const mean = new Float64Array(dims);
  vectors.forEach((v, i) => {
    const p = frequencies[i] / total;
    const w = weights[i];
    for (let r = 0; r < dims; r++) {
      mean[r] += p * w * v[r];
      const pwv = p * w * w * v[r];
      for (let c = 0; c < dims; c++) second[r * dims + c] += pwv * v[c];
    }
  });
  const n = sentenceLength;
  for (let r = 0; r < dims; r++) {
    for (let c = 0; c < dims; c++) {
      second[r * dims + c] = second[r * dims + c] / n + (1 - 1 / n) * mean[r] * mean[c];
    }
  }
  return topEigenvector(second, dims);
}

/** Power iteration on a symmetric positive semi-definite matrix; returns a unit vector. */
export function topEigenvector(matrix, dims, iterations = 500) {
  let x = new Float64Array(dims).fill(1 / Math.sqrt(dims));
  for (let step = 0; step < iterations; step++) {
    const next = new Float64Array(dims);
    for (let r = 0; r < dims; r++) {
      let sum = 0;
      for (let c = 0; c < dims; c++) sum += matrix[r * dims + c] * x[c];
      next[r] = sum;
    }
    const norm = Math.hypot(...next);
    x = next.map((value) => value / norm);
  }
  return Float32Array.from(x);
}

/** v − u (u·v): removes the part of v along the unit vector u. */
export function removeComponent(v, u) {
  let dot = 0;
  for (let i = 0; i < v.length; i++) dot += v[i] * u[i];
  return v.map((value, i) => value - dot * u[i]);
}

/**
 * Per-row symmetric int8 quantisation: row ≈ scale · q with q in [−127, 127].
 * A row of zeros gets scale 0.
 * @param {Float32Array[]} rows
 */
export function quantizeRows(rows) {
  const dims = rows[0].length;
  const values = new Int8Array(rows.length * dims);
  const scales = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    const largest = row.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    const scale = largest / 127;
    scales[i] = scale;
    for (let d = 0; d < dims; d++) {
      values[i * dims + d] = scale === 0 ? 0 : Math.round(row[d] / scale);
    }
  });
  return { values, scales, dims };
}
