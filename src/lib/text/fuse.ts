/**
 * `text.fuse(lists)`: hybrid retrieval by reciprocal rank fusion (Cormack, Clarke and
 * Büttcher, 2009). Each result list (dense search, BM25, …) gives the id at rank r
 * (from 1) the score 1/(k + r); an id's fused score is the sum over the lists that found
 * it. Only ranks count, never the raw scores, so a cosine and a BM25 score need no common
 * scale. k = 60 (the paper's) keeps the top few ranks from dominating; `weights` trusts
 * one list more than another.
 *
 * @example
 * import { text } from 'playgrad'
 * const dense = [{ id: 3, score: 0.8 }, { id: 7, score: 0.6 }]
 * const keyword = [{ id: 7, score: 12.1 }, { id: 1, score: 9.4 }]
 * text.fuse([dense, keyword])   // id 7 first (2/61.5…), then 3, then 1
 */
import type { SearchResult, VectorId } from './vector-index';

export interface FuseOptions {
  /** The rank offset in 1/(k + rank) (default 60); smaller favours the very top. */
  k?: number;
  /** One weight per list (default all 1). */
  weights?: readonly number[];
  /** Keep only the best `limit` results (default: every id found). */
  limit?: number;
}

/** One fused list, best first; ties keep the order in which ids were first seen. */
export function fuse(
  lists: readonly (readonly { id: VectorId }[])[],
  options: FuseOptions = {},
): SearchResult[] {
  const { k = 60, weights, limit = Infinity } = options ?? {};
  // Checked as unknown: Array.isArray would narrow the lists to any[].
  const given: unknown = lists;
  if (!Array.isArray(given) || given.some((list) => !Array.isArray(list)))
    throw new TypeError('fuse: give an array of result lists, e.g. fuse([dense, keyword])');
  if (!(Number.isFinite(k) && k >= 0))
    throw new RangeError(`fuse: k must be a number ≥ 0, got ${String(k)}`);
  if (weights !== undefined && weights.length !== lists.length)
    throw new RangeError(`fuse: ${lists.length} lists but ${weights.length} weights`);
  if (limit !== Infinity && !(Number.isInteger(limit) && limit >= 1))
    throw new RangeError(`fuse: limit must be a whole number ≥ 1, got ${String(limit)}`);
  const fused = new Map<VectorId, number>();
  lists.forEach((list, l) => {
    const weight = weights?.[l] ?? 1;
    const seen = new Set<VectorId>();
    list.forEach(({ id }, i) => {
      // A list naming an id twice counts only its better rank.
      if (seen.has(id)) return;
      seen.add(id);
      fused.set(id, (fused.get(id) ?? 0) + weight / (k + i + 1));
    });
  });
  // Array.prototype.sort is stable: equal scores keep their first-seen order.
  return [...fused]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
