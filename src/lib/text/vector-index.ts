/**
 * A vector index: store embeddings with an id (and optional metadata), find the k most
 * similar to a query. `kind: 'exact'` compares the query with every vector (one matrix
 * product per batch of queries); `kind: 'hnsw'` walks a graph (./hnsw.ts) and looks at a
 * few thousand of them, trading a little recall for speed on large collections.
 *
 * @example
 * import { text } from 'playgrad'
 * const index = new text.VectorIndex({ dim: 3, metric: 'cosine' })
 * index.add(['a', 'b'], [[1, 0, 0], [0, 1, 0]], [{ page: 1 }, { page: 2 }])
 * index.search([0.9, 0.1, 0], 1)   // [{ id: 'a', score: 0.99… }]
 */
import { exactSearch, type RowMask } from './exact-search';
import { exactScoresTf, useTfjsFor } from './exact-search-tf';
import { HnswGraph } from './hnsw';
import { createSimdDot } from './simd-dot';
import { TopK } from './top-k';
import { VectorStore, type VectorId, type VectorLike } from './vector-store';

export type { VectorId, VectorLike } from './vector-store';

export interface VectorIndexOptions {
  dim: number;
  /** 'cosine' (default) compares directions; 'dot' also rewards length. */
  metric?: 'cosine' | 'dot';
  /** 'exact' (default) or 'hnsw' (approximate, for large collections). */
  kind?: 'exact' | 'hnsw';
  /** HNSW: links per node (default 16). */
  M?: number;
  /** HNSW: candidates kept while building (default 100). */
  efConstruction?: number;
  /** HNSW: candidates kept while searching (default 100; at least k is used). */
  efSearch?: number;
  /** HNSW: seed of the level draw, so a build is repeatable (default 0). */
  seed?: number;
  /**
   * Exact search: 'js' (a typed-array loop), 'tfjs' (a matMul on the kernel's backend) or
   * 'auto' (default: tfjs for large batches when the backend is WASM, WebGL or WebGPU).
   */
  engine?: 'auto' | 'js' | 'tfjs';
}

export interface SearchOptions<Meta> {
  /** Keep only results for which this returns true. */
  filter?: (meta: Meta | undefined, id: VectorId) => boolean;
}

export interface SearchResult {
  id: VectorId;
  /** Similarity: cosine in [-1, 1], or the dot product. Higher is nearer. */
  score: number;
}

export class VectorIndex<Meta = unknown> {
  readonly dim: number;
  readonly metric: 'cosine' | 'dot';
  readonly kind: 'exact' | 'hnsw';
  efSearch: number;
  private readonly engine: 'auto' | 'js' | 'tfjs';
  private readonly store: VectorStore<Meta>;
  private readonly graph: HnswGraph | null;

  constructor(options: VectorIndexOptions) {
    const { dim, metric = 'cosine', kind = 'exact', M = 16, efConstruction = 100 } = options ?? {};
    const { efSearch = 100, seed = 0, engine = 'auto' } = options ?? {};
    if (!Number.isInteger(dim) || dim < 1) {
      throw new RangeError(`VectorIndex: dim must be a whole number ≥ 1, got ${String(dim)}`);
    }
    if (metric !== 'cosine' && metric !== 'dot') {
      throw new RangeError(
        `VectorIndex: metric must be 'cosine' or 'dot', got '${String(metric)}'`,
      );
    }
    if (kind !== 'exact' && kind !== 'hnsw') {
      throw new RangeError(`VectorIndex: kind must be 'exact' or 'hnsw', got '${String(kind)}'`);
    }
    for (const [name, value] of Object.entries({ M, efConstruction, efSearch })) {
      if (!Number.isInteger(value) || value < 2) {
        throw new RangeError(
          `VectorIndex: ${name} must be a whole number ≥ 2, got ${String(value)}`,
        );
      }
    }
    this.dim = dim;
    this.metric = metric;
    this.kind = kind;
    this.efSearch = efSearch;
    this.engine = engine;
    // HNSW keeps its rows in WebAssembly memory for the SIMD dot product (when there is SIMD).
    const simd = kind === 'hnsw' ? createSimdDot() : null;
    this.store = new VectorStore<Meta>(dim, metric === 'cosine', simd);
    this.graph = kind === 'hnsw' ? new HnswGraph(this.store, { M, efConstruction, seed }) : null;
  }

  /** How many vectors the index holds (removed ones not counted). */
  get size(): number {
    return this.store.size;
  }

  /** Adds vectors under new ids, with optional metadata (one per vector). */
  add(ids: VectorId[], vectors: VectorLike[], metadata?: Meta[]): void {
    if (!Array.isArray(ids) || !Array.isArray(vectors)) {
      throw new TypeError('add: ids and vectors must be arrays (use add([id], [vector]) for one)');
    }
    if (ids.length !== vectors.length) {
      throw new RangeError(`add: ${ids.length} ids but ${vectors.length} vectors`);
    }
    if (metadata !== undefined && metadata.length !== ids.length) {
      throw new RangeError(`add: ${ids.length} ids but ${metadata.length} metadata entries`);
    }
    const seen = new Set<VectorId>();
    for (const id of ids) {
      if (typeof id !== 'string' && typeof id !== 'number') {
        throw new TypeError(`add: an id must be a string or a number, got ${typeof id}`);
      }
      if (this.store.has(id) || seen.has(id)) {
        throw new Error(`add: id ${JSON.stringify(id)} is already in the index (remove it first)`);
      }
      seen.add(id);
    }
    // Checks every vector before storing any, so bad input changes nothing.
    vectors.forEach((v, i) => this.store.prepare(v, `add: vector ${i}`));
    const first = this.store.append(ids, vectors, metadata);
    if (this.graph) for (let row = first; row < this.store.rows; row++) this.graph.insert(row);
  }

  /** Removes a vector; false when the id is not in the index. */
  remove(id: VectorId): boolean {
    return this.store.remove(id);
  }

  /** The metadata stored with an id. */
  metadata(id: VectorId): Meta | undefined {
    const row = this.store.rowIndex(id);
    return row === undefined ? undefined : this.store.meta[row];
  }

  /** The k nearest vectors to `vector`, best first. */
  search(vector: VectorLike, k: number, options: SearchOptions<Meta> = {}): SearchResult[] {
    return this.searchMany([vector], k, options)[0];
  }

  /** `search` for many queries at once (one matrix product for exact search). */
  searchMany(
    vectors: VectorLike[],
    k: number,
    options: SearchOptions<Meta> = {},
  ): SearchResult[][] {
    if (!Number.isInteger(k) || k < 1)
      throw new RangeError(`search: k must be a whole number ≥ 1, got ${String(k)}`);
    if (!Array.isArray(vectors))
      throw new TypeError('searchMany: vectors must be an array of vectors');
    const { dim } = this;
    const queries = new Float32Array(vectors.length * dim);
    vectors.forEach((v, i) => queries.set(this.store.prepare(v, `search: query ${i}`), i * dim));
    const allowed = this.allowedRows(options.filter);
    if (this.graph)
      return vectors.map((_, i) =>
        this.searchGraph(queries.subarray(i * dim, (i + 1) * dim), k, allowed),
      );
    return this.searchExact(queries, vectors.length, k, allowed);
  }

  private searchExact(
    queries: Float32Array,
    m: number,
    k: number,
    allowed: RowMask,
  ): SearchResult[][] {
    const { data, rows } = this.store;
    const heaps = useTfjsFor(this.engine, rows, m, this.dim)
      ? topKOfColumns(exactScoresTf(data, rows, this.dim, queries, m), rows, m, k, allowed)
      : exactSearch(data, rows, this.dim, queries, m, k, allowed);
    return heaps.map((heap) =>
      heap.sorted().map(({ item, score }) => ({ id: this.store.ids[item], score })),
    );
  }

  private searchGraph(query: Float32Array, k: number, allowed: RowMask): SearchResult[] {
    const found = (this.graph as HnswGraph)
      .search(query, Math.max(this.efSearch, k), allowed)
      .slice(0, k);
    // A selective filter can leave too few allowed nodes near the path: fall back to an
    // exact scan of the allowed rows rather than return fewer than k.
    if (found.length < k && found.length < countAllowed(allowed, this.store.rows)) {
      return this.searchExact(query, 1, k, allowed)[0];
    }
    return found.map(({ node, score }) => ({ id: this.store.ids[node], score }));
  }

  private allowedRows(filter: SearchOptions<Meta>['filter']): RowMask {
    const { rows, deleted, meta, ids } = this.store;
    if (!filter && this.store.size === rows) return null;
    const allowed = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) allowed[r] = deleted[r] ? 0 : 1;
    if (filter) {
      if (typeof filter !== 'function')
        throw new TypeError('search: filter must be a function (meta, id) => boolean');
      for (let r = 0; r < rows; r++) if (allowed[r] && !filter(meta[r], ids[r])) allowed[r] = 0;
    }
    return allowed;
  }
}

function countAllowed(allowed: RowMask, rows: number): number {
  if (allowed === null) return rows;
  let count = 0;
  for (let r = 0; r < rows; r++) count += allowed[r];
  return count;
}

/** Top-k of each column of a rows × m score matrix (row-major). */
function topKOfColumns(
  scores: Float32Array,
  rows: number,
  m: number,
  k: number,
  allowed: RowMask,
): TopK[] {
  const heaps = Array.from({ length: m }, () => new TopK(k));
  for (let r = 0; r < rows; r++) {
    if (allowed !== null && !allowed[r]) continue;
    const base = r * m;
    for (let q = 0; q < m; q++) {
      const score = scores[base + q];
      if (score > heaps[q].threshold) heaps[q].push(score, r);
    }
  }
  return heaps;
}
