/**
 * How well a similarity score separates related from unrelated sentence pairs, and the
 * plain TF-IDF baseline to compare with. Used by evaluate-embedding-model.mjs and by the
 * unit test that holds the shipped model to a floor.
 */

export interface SentencePair {
  a: string;
  b: string;
  /** 1 = related, 0 = unrelated. */
  related: 0 | 1;
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa === 0 || bb === 0 ? 0 : dot / Math.sqrt(aa * bb);
}

/**
 * ROC AUC: the chance that a random related pair scores above a random unrelated one
 * (ties count half). 0.5 is guessing, 1 is perfect.
 */
export function rocAuc(scores: number[], labels: (0 | 1)[]): number {
  const positives = scores.filter((_, i) => labels[i] === 1);
  const negatives = scores.filter((_, i) => labels[i] === 0);
  if (positives.length === 0 || negatives.length === 0) {
    throw new Error('rocAuc needs at least one related and one unrelated pair');
  }
  let wins = 0;
  for (const p of positives) {
    for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  }
  return wins / (positives.length * negatives.length);
}

/** Average ranks (1-based), ties sharing their mean rank. */
function ranks(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) result[order[k].index] = rank;
    start = end + 1;
  }
  return result;
}

/** Spearman's rank correlation: Pearson's correlation of the ranks. */
export function spearman(x: number[], y: number[]): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const mean = (v: number[]) => v.reduce((s, t) => s + t, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i] - mx) * (ry[i] - my);
    dx += (rx[i] - mx) ** 2;
    dy += (ry[i] - my) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

/** Lowercase words and numbers: the baseline's tokens. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * TF-IDF cosine of each pair, the document frequencies counted over all the sentences
 * of the set (idf = ln(N / df) + 1, as scikit-learn's smooth-less default).
 */
export function tfidfCosines(pairs: SentencePair[]): number[] {
  const sentences = [...new Set(pairs.flatMap((pair) => [pair.a, pair.b]))];
  const documentFrequency = new Map<string, number>();
  for (const sentence of sentences) {
    for (const word of new Set(words(sentence))) {
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
  }
  const vocabulary = [...documentFrequency.keys()];
  const column = new Map(vocabulary.map((word, i) => [word, i]));
  const vector = (text: string) => {
    const v = new Float64Array(vocabulary.length);
    for (const word of words(text)) v[column.get(word)!] += 1;
    for (const [word, i] of column) {
      if (v[i] > 0) v[i] *= Math.log(sentences.length / documentFrequency.get(word)!) + 1;
    }
    return v;
  };
  return pairs.map((pair) => cosine(vector(pair.a), vector(pair.b)));
}

export interface PairScores {
  auc: number;
  spearman: number;
  /** Mean score of the related and of the unrelated pairs. */
  meanRelated: number;
  meanUnrelated: number;
}

export function scorePairs(scores: number[], pairs: SentencePair[]): PairScores {
  const labels = pairs.map((pair) => pair.related);
  const meanOf = (label: 0 | 1) => {
    const chosen = scores.filter((_, i) => labels[i] === label);
    return chosen.reduce((s, t) => s + t, 0) / chosen.length;
  };
  return {
    auc: rocAuc(scores, labels),
    spearman: spearman(scores, labels),
    meanRelated: meanOf(1),
    meanUnrelated: meanOf(0),
  };
}
