import { describe, expect, it } from 'vitest';
import { fuse } from '../../../src/lib/text/fuse';

const dense = [
  { id: 'a', score: 0.9 },
  { id: 'b', score: 0.8 },
  { id: 'c', score: 0.1 },
];
const keyword = [
  { id: 'c', score: 14 },
  { id: 'b', score: 9 },
  { id: 'd', score: 2 },
];

describe('fuse (reciprocal rank fusion)', () => {
  it('sums 1/(k + rank) over the lists, ranks from 1', () => {
    const fused = fuse([dense, keyword], { k: 60 });
    // c (ranks 3 and 1) edges out b (2 and 2): 1/63 + 1/61 = 0.032266 > 2/62 = 0.032258.
    expect(fused.map((r) => r.id)).toEqual(['c', 'b', 'a', 'd']);
    expect(fused[0].score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(fused[1].score).toBeCloseTo(1 / 62 + 1 / 62, 12);
    expect(fused[2].score).toBeCloseTo(1 / 61, 12);
    expect(fused[3].score).toBeCloseTo(1 / 63, 12);
  });

  it('ignores the raw scores: only ranks count', () => {
    const scaled = keyword.map((r) => ({ ...r, score: r.score * 1000 }));
    expect(fuse([dense, scaled])).toEqual(fuse([dense, keyword]));
  });

  it('k and weights change who wins; limit keeps the best', () => {
    // k = 0: c = 1/3 + 1/1, then a (1/1) and b (1/2 + 1/2) tie at 1: 'a' was seen first.
    expect(fuse([dense, keyword], { k: 0 }).map((r) => r.id)).toEqual(['c', 'a', 'b', 'd']);
    const trustKeywords = fuse([dense, keyword], { weights: [1, 3], limit: 2 });
    expect(trustKeywords.map((r) => r.id)).toEqual(['c', 'b']);
  });

  it('counts an id listed twice in one list once, at its better rank', () => {
    const fused = fuse([[{ id: 1 }, { id: 1 }, { id: 2 }]], { k: 1 });
    expect(fused).toEqual([
      { id: 1, score: 1 / 2 },
      { id: 2, score: 1 / 4 },
    ]);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => fuse(dense as never)).toThrow(/array of result lists/);
    expect(() => fuse([dense], { k: -1 })).toThrow('k must be a number ≥ 0, got -1');
    expect(() => fuse([dense, keyword], { weights: [1] })).toThrow('2 lists but 1 weights');
    expect(() => fuse([dense], { limit: 0 })).toThrow(/limit must be a whole number/);
    expect(fuse([])).toEqual([]);
  });
});
