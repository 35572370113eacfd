/**
 * `text.bm25(chunks)`: keyword search with Okapi BM25, the scoring behind Lucene and
 * Elasticsearch. A chunk scores for each query term it contains, more for rare terms
 * (idf) and for repeated ones, with diminishing returns (k1), and long chunks are
 * discounted (b):
 *
 *   score(q, d) = Σ_{t in q} idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·|d|/avgdl))
 *   idf(t) = ln(1 + (N − n_t + 0.5) / (n_t + 0.5))
 *
 * tf is how often t occurs in d, |d| the chunk's length in terms, avgdl the mean length,
 * N the number of chunks and n_t how many contain t. This idf is Lucene's: never negative
 * (rank_bm25's BM25Okapi uses ln((N − n + 0.5)/(n + 0.5)), negative for a term in more
 * than half the chunks, and floors it). A query term written twice counts twice.
 *
 * Terms are `text.rag.terms`: lower-case words and numbers, English stopwords dropped, a
 * final plural 's' dropped ('whales' → 'whale'); no other stemming. Pass `tokenize` to
 * use your own.
 *
 * @example
 * import { text } from 'playgrad'
 * const index = text.bm25(['The whale spouted.', 'Ahab stood on deck.'])
 * index.search('Where did Ahab stand?', 1)   // [{ id: 1, score: 0.636 }]
 */
import { terms } from './rag';
import type { SearchResult, VectorId } from './vector-index';

/** What `bm25` indexes: texts (ids 0, 1, …) or objects with a text and maybe an id. */
export type Bm25Document = string | { text: string; id?: VectorId };

export interface Bm25Options {
  /** How fast repeats of a term stop adding score (default 1.5; 0 counts a term once). */
  k1?: number;
  /** How much long chunks are discounted, from 0 (not at all) to 1 (default 0.75). */
  b?: number;
  /** Splits a text into terms (default `text.rag.terms`). */
  tokenize?: (text: string) => string[];
}

export class Bm25Index {
  readonly k1: number;
  readonly b: number;
  /** The mean chunk length, in terms. */
  readonly avgdl: number;
  private readonly ids: VectorId[];
  private readonly lengths: number[];
  private readonly tokenize: (text: string) => string[];
  /** For each term: the chunks holding it (by position) and how often. */
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();

  constructor(docs: readonly Bm25Document[], options: Bm25Options = {}) {
    const { k1 = 1.5, b = 0.75, tokenize = terms } = options ?? {};
    if (!Array.isArray(docs)) throw new TypeError('bm25: give an array of texts or { text }');
    if (!(Number.isFinite(k1) && k1 >= 0))
      throw new RangeError(`bm25: k1 must be a number ≥ 0, got ${String(k1)}`);
    if (!(Number.isFinite(b) && b >= 0 && b <= 1))
      throw new RangeError(`bm25: b must be a number from 0 to 1, got ${String(b)}`);
    if (typeof tokenize !== 'function')
      throw new TypeError('bm25: tokenize must be a function (text) => string[]');
    this.k1 = k1;
    this.b = b;
    this.tokenize = tokenize;
    this.ids = docs.map((doc, i) => documentId(doc, i));
    if (new Set(this.ids).size !== this.ids.length)
      throw new Error('bm25: two chunks have the same id; ids must be distinct');
    this.lengths = docs.map((doc, i) => {
      const words = this.tokenize(documentText(doc, i));
      const counts = new Map<string, number>();
      for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
      for (const [term, tf] of counts) {
        const list = this.postings.get(term) ?? [];
        list.push({ doc: i, tf });
        this.postings.set(term, list);
      }
      return words.length;
    });
    const total = this.lengths.reduce((sum, n) => sum + n, 0);
    this.avgdl = docs.length > 0 ? total / docs.length : 0;
  }

  /** How many chunks the index holds. */
  get size(): number {
    return this.ids.length;
  }

  /** ln(1 + (N − n + 0.5)/(n + 0.5)) for a term in n of the N chunks (0 when n = 0). */
  idf(term: string): number {
    const n = this.postings.get(term)?.length ?? 0;
    if (n === 0) return 0;
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /** The BM25 score of every chunk for `query`, by position (0 where no term matches). */
  scores(query: string): Float64Array {
    if (typeof query !== 'string')
      throw new TypeError(`bm25 search: the query must be a string, got ${typeof query}`);
    const scores = new Float64Array(this.size);
    const { k1, b, avgdl } = this;
    for (const term of this.tokenize(query)) {
      const idf = this.idf(term);
      for (const { doc, tf } of this.postings.get(term) ?? []) {
        const norm = k1 * (1 - b + (b * this.lengths[doc]) / avgdl);
        scores[doc] += (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }

  /**
   * The k best chunks for `query`, best first (ties: the earlier chunk). Only chunks that
   * share a term with the query are returned, so there may be fewer than k.
   */
  search(query: string, k: number): SearchResult[] {
    if (!Number.isInteger(k) || k < 1)
      throw new RangeError(`search: k must be a whole number ≥ 1, got ${String(k)}`);
    const scores = this.scores(query);
    const found: number[] = [];
    scores.forEach((score, i) => score > 0 && found.push(i));
    return found
      .sort((x, y) => scores[y] - scores[x] || x - y)
      .slice(0, k)
      .map((i) => ({ id: this.ids[i], score: scores[i] }));
  }
}

/** A BM25 index over `docs` (see the top of this file). */
export function bm25(docs: readonly Bm25Document[], options: Bm25Options = {}): Bm25Index {
  return new Bm25Index(docs, options);
}

function documentText(doc: Bm25Document, i: number): string {
  const text = typeof doc === 'string' ? doc : doc?.text;
  if (typeof text !== 'string')
    throw new TypeError(`bm25: chunk ${i} must be a string or { text }, got ${typeof text}`);
  return text;
}

function documentId(doc: Bm25Document, i: number): VectorId {
  if (typeof doc !== 'object' || doc === null || doc.id === undefined) return i;
  if (typeof doc.id !== 'string' && typeof doc.id !== 'number')
    throw new TypeError(`bm25: the id of chunk ${i} must be a string or a number`);
  return doc.id;
}
