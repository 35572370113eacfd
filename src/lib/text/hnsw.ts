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
 * between clusters). Scores are similarities (dot products; cosine on unit vectors):
 * higher is nearer.
 */
import { createRng, type Rng } from '../ml/rng';
import { ScoreHeap } from './heap';

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
}

export class HnswGraph {
  private readonly M: number;
  private readonly efConstruction: number;
  private readonly levelScale: number;
  private readonly rng: Rng;
  /** links[node][layer]: the node's neighbours on that layer. */
  private readonly links: number[][][] = [];
  private entry = -1;
  private topLayer = -1;
  // Visit marks: node i was visited in the current search when visited[i] === stamp.
  private visited = new Uint32Array(0);
  private stamp = 0;

  constructor(
    private readonly source: RowSource,
    params: HnswParams,
  ) {
    this.M = params.M;
    this.efConstruction = params.efConstruction;
    this.levelScale = 1 / Math.log(params.M);
    this.rng = createRng(params.seed);
  }

  /** Links row `node` into the graph (rows are inserted in order 0, 1, 2, …). */
  insert(node: number): void {
    const query = this.source.data.subarray(node * this.source.dim, (node + 1) * this.source.dim);
    const level = Math.floor(-Math.log(1 - this.rng.next()) * this.levelScale);
    this.links[node] = Array.from({ length: level + 1 }, () => []);
    if (this.entry < 0) {
      this.entry = node;
      this.topLayer = level;
      return;
    }
    let nearest = this.entry;
    for (let layer = this.topLayer; layer > level; layer--) {
      nearest = this.greedy(query, nearest, layer);
    }
    let entries = [nearest];
    for (let layer = Math.min(level, this.topLayer); layer >= 0; layer--) {
      const found = this.searchLayer(query, entries, this.efConstruction, layer, null);
      const chosen = this.selectNeighbours(found, this.M);
      this.links[node][layer] = chosen.map((c) => c.node);
      for (const { node: other } of chosen) this.link(other, node, layer);
      entries = found.map((c) => c.node);
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
  search(query: Float32Array, ef: number, accept: Uint8Array): { node: number; score: number }[] {
    if (this.entry < 0) return [];
    let nearest = this.entry;
    for (let layer = this.topLayer; layer > 0; layer--)
      nearest = this.greedy(query, nearest, layer);
    return this.searchLayer(query, [nearest], ef, 0, accept);
  }

  private similarity(query: Float32Array, node: number): number {
    const { data, dim } = this.source;
    const offset = node * dim;
    // Four running sums: independent additions the CPU can overlap.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let d = 0;
    for (; d + 3 < dim; d += 4) {
      s0 += query[d] * data[offset + d];
      s1 += query[d + 1] * data[offset + d + 1];
      s2 += query[d + 2] * data[offset + d + 2];
      s3 += query[d + 3] * data[offset + d + 3];
    }
    for (; d < dim; d++) s0 += query[d] * data[offset + d];
    return s0 + s1 + s2 + s3;
  }

  /** Walks to ever nearer neighbours on one layer until none is nearer (ef = 1). */
  private greedy(query: Float32Array, start: number, layer: number): number {
    let best = start;
    let bestScore = this.similarity(query, start);
    for (let improved = true; improved;) {
      improved = false;
      for (const other of this.links[best][layer] ?? []) {
        const score = this.similarity(query, other);
        if (score > bestScore) {
          best = other;
          bestScore = score;
          improved = true;
        }
      }
    }
    return best;
  }

  /** Algorithm 2 of the paper: beam search on one layer keeping the `ef` best. */
  private searchLayer(
    query: Float32Array,
    entries: number[],
    ef: number,
    layer: number,
    accept: Uint8Array | null,
  ): { node: number; score: number }[] {
    const stamp = this.nextStamp();
    const toVisit = new ScoreHeap('max');
    const kept = new ScoreHeap('min');
    for (const node of entries) {
      this.visited[node] = stamp;
      const score = this.similarity(query, node);
      toVisit.push(score, node);
      if (!accept || accept[node]) kept.push(score, node);
    }
    while (toVisit.size > 0) {
      const score = toVisit.peekScore();
      // Every candidate left is worse than the worst kept: nothing better can follow.
      if (kept.size >= ef && score < kept.peekScore()) break;
      const node = toVisit.pop();
      for (const other of this.links[node][layer] ?? []) {
        if (this.visited[other] === stamp) continue;
        this.visited[other] = stamp;
        const otherScore = this.similarity(query, other);
        if (kept.size < ef || otherScore > kept.peekScore()) {
          toVisit.push(otherScore, other);
          if (!accept || accept[other]) {
            kept.push(otherScore, other);
            if (kept.size > ef) kept.pop();
          }
        }
      }
    }
    return kept.entries().sort((a, b) => b.score - a.score);
  }

  /** Algorithm 4 (heuristic): nearest first, skipping any nearer to a kept one than to us. */
  private selectNeighbours(
    candidates: { node: number; score: number }[],
    max: number,
  ): { node: number; score: number }[] {
    const { data, dim } = this.source;
    const kept: { node: number; score: number }[] = [];
    for (const candidate of candidates) {
      if (kept.length >= max) break;
      const vector = data.subarray(candidate.node * dim, (candidate.node + 1) * dim);
      const dominated = kept.some((k) => this.similarity(vector, k.node) > candidate.score);
      if (!dominated) kept.push(candidate);
    }
    return kept;
  }

  /** Adds the link from → to, pruning `from`'s list with the heuristic when it is full. */
  private link(from: number, to: number, layer: number): void {
    const list = this.links[from][layer];
    list.push(to);
    const max = layer === 0 ? 2 * this.M : this.M;
    if (list.length <= max) return;
    const { data, dim } = this.source;
    const vector = data.subarray(from * dim, (from + 1) * dim);
    const scored = list
      .map((node) => ({ node, score: this.similarity(vector, node) }))
      .sort((a, b) => b.score - a.score);
    this.links[from][layer] = this.selectNeighbours(scored, max).map((c) => c.node);
  }

  private nextStamp(): number {
    if (this.visited.length < this.links.length) {
      const grown = new Uint32Array(Math.max(this.links.length, this.visited.length * 2, 1024));
      grown.set(this.visited);
      this.visited = grown;
    }
    this.stamp += 1;
    return this.stamp;
  }
}
