/**
 * HNSW's neighbour lists in typed arrays instead of arrays of arrays: one flat Int32Array
 * for layer 0, which every node is on (a slot per node: the count, then up to 2·M
 * neighbours), and for the few nodes that are also on higher layers one small Int32Array
 * each (a slot of 1 + M per layer above 0). Reading a list is an index computation, no
 * object is made, and a list fits in a cache line or two.
 *
 * Also the graph's other typed storage: scored node lists (search results, pruning scratch)
 * and the plain JavaScript dot product, used when WebAssembly SIMD is not there.
 */
export class LinkLists {
  /** Most links a node keeps on layer 0, and on each higher layer. */
  readonly max0: number;
  readonly maxUpper: number;
  private readonly stride0: number;
  private readonly strideUpper: number;
  private level0 = new Int32Array(0);
  private readonly upper: (Int32Array | null)[] = [];
  private readonly levels: number[] = [];

  constructor(M: number) {
    this.max0 = 2 * M;
    this.maxUpper = M;
    this.stride0 = 1 + this.max0;
    this.strideUpper = 1 + this.maxUpper;
  }

  get nodes(): number {
    return this.levels.length;
  }

  /** Makes empty lists for `node` (the next row) on layers 0 … level. */
  addNode(node: number, level: number): void {
    const needed = (node + 1) * this.stride0;
    if (needed > this.level0.length) {
      const grown = new Int32Array(Math.max(needed, this.level0.length * 2, 1024 * this.stride0));
      grown.set(this.level0);
      this.level0 = grown;
    }
    this.level0[node * this.stride0] = 0;
    this.upper[node] = level > 0 ? new Int32Array(level * this.strideUpper) : null;
    this.levels[node] = level;
  }

  level(node: number): number {
    return this.levels[node];
  }

  /** The array holding `node`'s list on `layer`; the list starts at `start(node, layer)`. */
  array(node: number, layer: number): Int32Array {
    return layer === 0 ? this.level0 : (this.upper[node] as Int32Array);
  }

  /** Where the list starts in `array(node, layer)`: its length there, its nodes after. */
  start(node: number, layer: number): number {
    return layer === 0 ? node * this.stride0 : (layer - 1) * this.strideUpper;
  }

  /** Most links a list on `layer` keeps. */
  capacity(layer: number): number {
    return layer === 0 ? this.max0 : this.maxUpper;
  }
}

/** A list of nodes with their scores, best first, in reusable typed arrays. */
export class Scored {
  nodes = new Int32Array(64);
  scores = new Float64Array(64);
  count = 0;

  reserve(n: number): void {
    if (n <= this.nodes.length) return;
    const size = Math.max(n, this.nodes.length * 2);
    const nodes = new Int32Array(size);
    const scores = new Float64Array(size);
    nodes.set(this.nodes);
    scores.set(this.scores);
    this.nodes = nodes;
    this.scores = scores;
  }
}

/**
 * The dot product of a[aStart …] and b[bStart …] over `dim` numbers, with four running sums:
 * independent additions the CPU can overlap.
 */
export function dot(
  a: Float32Array,
  aStart: number,
  b: Float32Array,
  bStart: number,
  dim: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dim; d += 4) {
    s0 += a[aStart + d] * b[bStart + d];
    s1 += a[aStart + d + 1] * b[bStart + d + 1];
    s2 += a[aStart + d + 2] * b[bStart + d + 2];
    s3 += a[aStart + d + 3] * b[bStart + d + 3];
  }
  for (; d < dim; d++) s0 += a[aStart + d] * b[bStart + d];
  return s0 + s1 + s2 + s3;
}
