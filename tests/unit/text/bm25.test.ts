import { describe, expect, it } from 'vitest';
import { bm25 } from '../../../src/lib/text/bm25';

// Reference figures: bm25.ts's formula (Lucene's idf ln(1 + (N − n + 0.5)/(n + 0.5))) written
// out by hand in numpy 2.4.6 over the five pre-split chunks below, the way rank_bm25 sums
// per query term (10 decimals kept):
//   tf = np.array([[d.count(t) for t in vocab] for d in toks], float)
//   n = (tf > 0).sum(0); dl = tf.sum(1); idf = np.log(1 + (N - n + 0.5) / (n + 0.5))
//   for t in query: s += idf[j] * tf[:, j] * (k1 + 1) / (tf[:, j] + k1 * (1 - b + b * dl / dl.mean()))
const DOCS = [
  'whale ahab leg ivory',
  'whale whale whale sea',
  'queequeg harpooneer sea ship whale ship',
  'starbuck mate pequod',
  'ahab captain pequod ship',
];
const bySpace = (s: string) => s.split(' ');
const REFERENCE: [string, number, number, number[]][] = [
  ['ahab ship whale', 1.5, 0.75, [1.4454389294, 0.9091507241, 1.5510966116, 0, 1.7892791712]],
  ['ahab ship whale', 1.2, 0, [1.4144652381, 0.8469945012, 1.7427660146, 0, 1.7509374747]],
  ['whale', 1.5, 1, [0.554849339, 0.9128166545, 0.4287472165, 0, 0]],
  ['sea sea', 1.5, 0.75, [0, 1.7892791712, 1.4678517752, 0, 0]],
];

describe('bm25', () => {
  it.each(REFERENCE)('scores "%s" (k1 %s, b %s) as numpy does', (query, k1, b, want) => {
    const index = bm25(DOCS, { k1, b, tokenize: bySpace });
    const got = Array.from(index.scores(query));
    got.forEach((score, i) => expect(score).toBeCloseTo(want[i], 9));
  });

  it('gives the idf numpy gives: rare terms weigh more, never below 0', () => {
    const index = bm25(DOCS, { tokenize: bySpace });
    expect(index.idf('whale')).toBeCloseTo(0.5389965007, 9); // in 3 of 5 chunks
    expect(index.idf('ahab')).toBeCloseTo(0.8754687374, 9); // in 2
    expect(index.idf('ivory')).toBeCloseTo(1.3862943611, 9); // in 1
    expect(index.idf('kraken')).toBe(0);
    expect(index.avgdl).toBeCloseTo(4.2, 12);
  });

  it('search returns the best k as { id, score }, only chunks sharing a term', () => {
    const index = bm25(DOCS, { tokenize: bySpace });
    expect(index.search('ahab ship whale', 2)).toEqual([
      { id: 4, score: expect.closeTo(1.7892791712, 9) },
      { id: 2, score: expect.closeTo(1.5510966116, 9) },
    ]);
    expect(index.search('whale', 10).map((r) => r.id)).toEqual([1, 0, 2]);
    expect(index.search('kraken', 3)).toEqual([]);
  });

  it("uses a chunk's own id when it has one, and text.rag.terms by default", () => {
    const index = bm25([
      { text: 'The whales spouted at dawn.', id: 'ch1' },
      { text: 'Ahab stood on the quarter-deck.', id: 'ch28' },
    ]);
    // 'whales' and 'Whale' meet as 'whale'; 'the' and 'did' are stopwords.
    expect(index.search('Did the Whale spout?', 5).map((r) => r.id)).toEqual(['ch1']);
    expect(index.search('Where did AHAB stand', 5).map((r) => r.id)).toEqual(['ch28']);
    expect(index.size).toBe(2);
  });

  it('ranks ties by position, and handles empty chunks', () => {
    const index = bm25(['sea', '', 'sea']);
    expect(index.search('sea', 3).map((r) => r.id)).toEqual([0, 2]);
    expect(bm25([]).search('sea', 1)).toEqual([]);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => bm25(DOCS, { k1: -1 })).toThrow('k1 must be a number ≥ 0, got -1');
    expect(() => bm25(DOCS, { b: 2 })).toThrow('b must be a number from 0 to 1, got 2');
    expect(() =>
      bm25([
        { text: 'a', id: 1 },
        { text: 'b', id: 1 },
      ]),
    ).toThrow(/same id/);
    expect(() => bm25([42 as never])).toThrow('chunk 0 must be a string or { text }');
    expect(() => bm25('text' as never)).toThrow(/array of texts/);
    expect(() => bm25(DOCS).search('sea', 0)).toThrow(/k must be a whole number/);
    expect(() => bm25(DOCS).search(7 as never, 1)).toThrow(/query must be a string/);
  });
});
