/**
 * HNSW, Hierarchical Navigable Small World graphs (Malkov & Yashunin, 2016,
 * arXiv:1603.09320): approximate nearest neighbours in about log(n) steps.
 *
 * Every vector is a node on layer 0; a few are also on layer 1, fewer on layer 2, and so on
 * (the level is drawn from an exponential distribution). A search starts at the top layer,
 * walks greedily towards the query, drops a layer, and on layer 0 keeps the `ef` best nodes
 * seen. Inserting runs the same search with `efConstruction` and links the new node to the
 * neighbours the paper's heuristic picks (Algorithm 4: a candidate is kept only if it is
 * closer to the new node than to every neighbour already kept, which keeps long links
 * between clusters). Scores are similarities (dot products; cosine on unit vectors, which
 * the store normalises once on the way in): higher is nearer.
 *
 * Built for speed, since a build costs thousands of dot products per insert: the vectors
 * are one Float32Array read in place, neighbour lists are typed arrays (./hnsw-links.ts),
 * visited nodes are marked with a generation number, and the heaps and result buffers are
 * reused, so the inner loops allocate nothing.
 */
import { createRng, type Rng } from '../ml/rng';
import { ScoreHeap } from './heap';
import { dot, LinkLists, Scored } from './hnsw-links';
import type { SimdDot } from './simd-dot';

export interface HnswParams {
  /** Links per node on the upper layers; layer 0 gets 2·M. */
  M: number;
  /** Candidates kept while inserting: higher builds slower and finds better links. */
  efConstruction: number;
  seed: number;
}

/** The vectors the graph links, by row number. */
export interface RowSource {
  readonly dim: number;
  data: Float32Array;
  /** When set, `data` is a view on its memory and dot products go through it. */
  readonly simd: SimdDot | null;
  /** A view on the SIMD memory holding a copy of `query` (only called with `simd`). */
  simdQuery(query: Float32Array): Float32Array;
}

export class HnswGraph {
  private readonly M: number;
  private readonly efConstruction: number;
  private readonly levelScale: number;
  private readonly rng: Rng;
  private readonly links: LinkLists;
  private entry = -1;
  private topLayer = -1;
  // Visit marks: node i was visited in the current search when visited[i] === stamp.
  private visited = new Uint32Array(0);
  private stamp = 0;
  // Reused by every search: candidates to expand, best found so far, and the results.
  private readonly toVisit = new ScoreHeap('max');
  private readonly kept = new ScoreHeap('min');
  private readonly found = new Scored();
  // Neighbours picked for a new node, and the scratch of pruning a full list.
  private readonly chosen = new Scored();
  private readonly pruning = new Scored();
  private readonly pruned = new Scored();

  constructor(
    private readonly source: RowSource,
    params: HnswParams,
  ) {
    this.M = params.M;
    this.efConstruction = params.efConstruction;
    this.levelScale = 1 / Math.log(params.M);
    this.rng = createRng(params.seed);
    this.links = new LinkLists(params.M);
    this.chosen.reserve(2 * params.M + 1);
    this.pruning.reserve(2 * params.M + 1);
    this.pruned.reserve(2 * params.M + 1);
  }

  /** Links row `node` into the graph (rows are inserted in order 0, 1, 2, …). */
  insert(node: number): void {
    const { data, dim } = this.source;
    const at = node * dim;
    const level = Math.floor(-Math.log(1 - this.rng.next()) * this.levelScale);
    this.links.addNode(node, level);
    if (this.entry < 0) {
      this.entry = node;
      this.topLayer = level;
      return;
    }
    let nearest = this.entry;
    for (let layer = this.topLayer; layer > level; layer--) {
      nearest = this.greedy(data, at, nearest, layer);
    }
    const { found, chosen } = this;
    found.nodes[0] = nearest;
    found.scores[0] = this.sim(data, at, nearest);
    found.count = 1;
    for (let layer = Math.min(level, this.topLayer); layer >= 0; layer--) {
      // The previous layer's results are this layer's entry points.
      this.searchLayer(data, at, this.efConstruction, layer, null);
      this.selectNeighbours(found, this.M, chosen);
      const list = this.links.array(node, layer);
      const start = this.links.start(node, layer);
      list[start] = chosen.count;
      for (let i = 0; i < chosen.count; i++) list[start + 1 + i] = chosen.nodes[i];
      for (let i = 0; i < chosen.count; i++) {
        this.link(chosen.nodes[i], node, chosen.scores[i], layer);
      }
    }
    if (level > this.topLayer) {
      this.entry = node;
      this.topLayer = level;
    }
  }

  /**
   * The `ef` nearest nodes to `query` found by the layered search, best first; only nodes
   * `accept` allows are returned, though the walk passes through the others.
   */
  search(
    query: Float32Array,
    ef: number,
    accept: Uint8Array | null,
  ): { node: number; score: number }[] {
    if (this.entry < 0) return [];
    const q = this.source.simd ? this.source.simdQuery(query) : query;
    let nearest = this.entry;
    for (let layer = this.topLayer; layer > 0; layer--) {
      nearest = this.greedy(q, 0, nearest, layer);
    }
    const { found } = this;
    found.nodes[0] = nearest;
    found.scores[0] = this.sim(q, 0, nearest);
    found.count = 1;
    this.searchLayer(q, 0, ef, 0, accept);
    const out: { node: number; score: number }[] = [];
    for (let i = 0; i < found.count; i++)
      out.push({ node: found.nodes[i], score: found.scores[i] });
    return out;
  }

  /**
   * The similarity of q[at …] and row `node`. With SIMD, q is a view on the same memory as
   * the rows, so both are found by byte address.
   */
  private sim(q: Float32Array, at: number, node: number): number {
    const { data, dim, simd } = this.source;
    if (simd !== null)
      return simd.dot(q.byteOffset + at * 4, data.byteOffset + node * dim * 4, dim);
    return dot(q, at, data, node * dim, dim);
  }

  /**
   * Walks to ever nearer neighbours on one layer until none is nearer (ef = 1). The query
   * is q[at …]: a stored row while inserting, the caller's vector while searching.
   */
  private greedy(q: Float32Array, at: number, start: number, layer: number): number {
    let best = start;
    let bestScore = this.sim(q, at, start);
    for (let improved = true; improved;) {
      improved = false;
      const list = this.links.array(best, layer);
      const first = this.links.start(best, layer);
      const end = first + 1 + list[first];
      for (let i = first + 1; i < end; i++) {
        const other = list[i];
        const score = this.sim(q, at, other);
        if (score > bestScore) {
          best = other;
          bestScore = score;
          improved = true;
        }
      }
    }
    return best;
  }

  /**
   * Algorithm 2 of the paper: beam search on one layer keeping the `ef` best, from the
   * entry points in `this.found` (with their scores); the results replace them, best first.
   */
  private searchLayer(
    q: Float32Array,
    at: number,
    ef: number,
    layer: number,
    accept: Uint8Array | null,
  ): void {
    const { toVisit, kept, found, links } = this;
    const visited = this.nextVisitMarks();
    const stamp = this.stamp;
    toVisit.clear();
    kept.clear();
    for (let i = 0; i < found.count; i++) {
      const node = found.nodes[i];
      visited[node] = stamp;
      toVisit.push(found.scores[i], node);
      if (!accept || accept[node]) kept.push(found.scores[i], node);
    }
    while (toVisit.size > 0) {
      // Every candidate left is worse than the worst kept: nothing better can follow.
      if (kept.size >= ef && toVisit.peekScore() < kept.peekScore()) break;
      const node = toVisit.pop();
      const list = links.array(node, layer);
      const first = links.start(node, layer);
      const end = first + 1 + list[first];
      for (let i = first + 1; i < end; i++) {
        const other = list[i];
        if (visited[other] === stamp) continue;
        visited[other] = stamp;
        const score = this.sim(q, at, other);
        if (kept.size < ef || score > kept.peekScore()) {
          toVisit.push(score, other);
          if (!accept || accept[other]) {
            kept.push(score, other);
            if (kept.size > ef) kept.pop();
          }
        }
      }
    }
    // The min-heap pops worst first: fill the results from the back.
    found.reserve(kept.size);
    found.count = kept.size;
    for (let i = kept.size - 1; i >= 0; i--) {
      found.scores[i] = kept.peekScore();
      found.nodes[i] = kept.pop();
    }
  }

  /**
   * Algorithm 4 (heuristic): from candidates best first, keep one only if it is nearer to
   * the new node than to every one kept so far; at most `max`. Writes into `out`.
   */
  private selectNeighbours(candidates: Scored, max: number, out: Scored): void {
    const { data, dim } = this.source;
    out.count = 0;
    for (let i = 0; i < candidates.count && out.count < max; i++) {
      const node = candidates.nodes[i];
      const score = candidates.scores[i];
      let dominated = false;
      for (let j = 0; j < out.count; j++) {
        if (this.sim(data, node * dim, out.nodes[j]) > score) {
          dominated = true;
          break;
        }
      }
      if (dominated) continue;
      out.nodes[out.count] = node;
      out.scores[out.count] = score;
      out.count++;
    }
  }

  /**
   * Adds the link from → to (their similarity is `score`); when `from`'s list is full, the
   * heuristic picks which of the old links and the new one to keep.
   */
  private link(from: number, to: number, score: number, layer: number): void {
    const { data, dim } = this.source;
    const list = this.links.array(from, layer);
    const first = this.links.start(from, layer);
    const count = list[first];
    const max = this.links.capacity(layer);
    if (count < max) {
      list[first + 1 + count] = to;
      list[first] = count + 1;
      return;
    }
    const { pruning, pruned } = this;
    pruning.count = 0;
    for (let i = 0; i <= count; i++) {
      const node = i < count ? list[first + 1 + i] : to;
      const s = i < count ? this.sim(data, from * dim, node) : score;
      // Insertion sort, best first: at most 2·M + 1 entries.
      let j = pruning.count++;
      while (j > 0 && pruning.scores[j - 1] < s) {
        pruning.scores[j] = pruning.scores[j - 1];
        pruning.nodes[j] = pruning.nodes[j - 1];
        j--;
      }
      pruning.scores[j] = s;
      pruning.nodes[j] = node;
    }
    this.selectNeighbours(pruning, max, pruned);
    list[first] = pruned.count;
    for (let i = 0; i < pruned.count; i++) list[first + 1 + i] = pruned.nodes[i];
  }

  /** The visit marks, grown to every node, for a new search (a new stamp). */
  private nextVisitMarks(): Uint32Array {
    const nodes = this.links.nodes;
    if (this.visited.length < nodes) {
      const grown = new Uint32Array(Math.max(nodes, this.visited.length * 2, 1024));
      grown.set(this.visited);
      this.visited = grown;
    }
    this.stamp += 1;
    if (this.stamp === 0xffffffff) {
      this.visited.fill(0);
      this.stamp = 1;
    }
    return this.visited;
  }
}
