/**
 * The vectors of a VectorIndex in one contiguous Float32Array (row i at i·dim), with the
 * id and metadata of each row. Rows are never moved: removing one marks it deleted, so the
 * HNSW graph, which refers to rows by number, stays valid.
 *
 * Given a SimdDot, the rows live in its WebAssembly memory (after a scratch slot for one
 * query), where its dot product can read them; `data` is then a view that is remade when
 * the memory grows.
 */
import type { SimdDot } from './simd-dot';

export type VectorId = string | number;

/** What `add` and `search` accept as one vector. */
export type VectorLike = ArrayLike<number>;

export class VectorStore<Meta> {
  readonly dim: number;
  /** Unit length rows when true, so a dot product is the cosine. */
  readonly normalize: boolean;
  data: Float32Array;
  rows = 0;
  readonly ids: VectorId[] = [];
  readonly meta: (Meta | undefined)[] = [];
  deleted = new Uint8Array(0);
  readonly simd: SimdDot | null;
  /** Where the rows start in the SIMD memory, in bytes (a query fits before them). */
  private readonly simdStart: number;
  private readonly rowOf = new Map<VectorId, number>();

  constructor(dim: number, normalize: boolean, simd: SimdDot | null = null) {
    this.dim = dim;
    this.normalize = normalize;
    this.data = new Float32Array(0);
    this.simd = simd;
    this.simdStart = Math.ceil((dim * 4) / 16) * 16;
  }

  /** A view of the query slot at the start of the SIMD memory, holding `query`. */
  simdQuery(query: Float32Array): Float32Array {
    const slot = new Float32Array((this.simd as SimdDot).memory.buffer, 0, this.dim);
    slot.set(query);
    return slot;
  }

  /** Vectors present (not removed). */
  get size(): number {
    return this.rowOf.size;
  }

  has(id: VectorId): boolean {
    return this.rowOf.has(id);
  }

  /** The row of a present id. */
  rowIndex(id: VectorId): number | undefined {
    return this.rowOf.get(id);
  }

  row(i: number): Float32Array {
    return this.data.subarray(i * this.dim, (i + 1) * this.dim);
  }

  /** Appends rows; returns the row number of the first. */
  append(ids: readonly VectorId[], vectors: readonly VectorLike[], meta?: readonly Meta[]): number {
    const first = this.rows;
    this.reserve(first + ids.length);
    ids.forEach((id, k) => {
      const row = first + k;
      this.data.set(this.prepare(vectors[k], `vector for id ${String(id)}`), row * this.dim);
      this.ids[row] = id;
      this.meta[row] = meta?.[k];
      this.rowOf.set(id, row);
    });
    this.rows += ids.length;
    return first;
  }

  /** Marks the id's row deleted; false when the id is not there. */
  remove(id: VectorId): boolean {
    const row = this.rowOf.get(id);
    if (row === undefined) return false;
    this.deleted[row] = 1;
    this.rowOf.delete(id);
    return true;
  }

  /** A checked float32 copy of a vector, of unit length for cosine. */
  prepare(vector: VectorLike, what: string): Float32Array {
    if (vector == null || typeof vector.length !== 'number') {
      throw new TypeError(`${what}: expected an array of ${this.dim} numbers`);
    }
    if (vector.length !== this.dim) {
      throw new RangeError(`${what}: has ${vector.length} numbers, the index has dim ${this.dim}`);
    }
    const out = Float32Array.from(vector);
    let norm = 0;
    for (let i = 0; i < out.length; i++) {
      if (!Number.isFinite(out[i])) throw new RangeError(`${what}: element ${i} is ${out[i]}`);
      norm += out[i] * out[i];
    }
    if (this.normalize) {
      if (norm === 0) throw new RangeError(`${what}: a zero vector has no direction (cosine)`);
      const scale = 1 / Math.sqrt(norm);
      for (let i = 0; i < out.length; i++) out[i] *= scale;
    }
    return out;
  }

  private reserve(rows: number): void {
    const capacity = this.data.length / this.dim;
    if (rows <= capacity) return;
    const grown = Math.max(rows, Math.ceil(capacity * 1.5), 64);
    if (this.simd) {
      // Growing keeps the contents but detaches the old buffer: remake the view.
      const { memory } = this.simd;
      const bytes = this.simdStart + grown * this.dim * 4;
      const pages = Math.ceil(bytes / 65536) - memory.buffer.byteLength / 65536;
      if (pages > 0) memory.grow(pages);
      this.data = new Float32Array(memory.buffer, this.simdStart, grown * this.dim);
    } else {
      const data = new Float32Array(grown * this.dim);
      data.set(this.data.subarray(0, this.rows * this.dim));
      this.data = data;
    }
    const deleted = new Uint8Array(grown);
    deleted.set(this.deleted);
    this.deleted = deleted;
  }
}
