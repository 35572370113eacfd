/**
 * A dot product in WebAssembly SIMD (four float32 lanes at a time) over vectors kept in a
 * WebAssembly memory: HNSW spends nearly all its time in dot products (about 2,000 per
 * insert at efConstruction 100), and this one is several times faster than the best plain
 * JavaScript loop (see docs/decisions.md). The source is ./wasm/dot.wat; the bytes below are
 * what `wat2wasm` (Debian's wabt 1.0.32) makes of it.
 */
const DOT_WASM =
  'AGFzbQEAAAABCAFgA39/fwF9Ag8BA2VudgZtZW1vcnkCAAEDAgEABwcBA2RvdAAACr8BAbwBAwJ7AX8BfSAAIAJBeHFBAnRqIQUCQANAIAAgBU8NASADIAD9AAQAIAH9AAQA/eYB/eQBIQMgBCAA/QAEECAB/QAEEP3mAf3kASEEIABBIGohACABQSBqIQEMAAsLIAMgBP3kASEDIAP9HwAgA/0fAZIgA/0fAiAD/R8DkpIhBiAAIAJBB3FBAnRqIQUCQANAIAAgBU8NASAGIAAqAgAgASoCAJSSIQYgAEEEaiEAIAFBBGohAQwACwsgBgs=';

export interface SimdDot {
  /** The memory the vectors live in; it grows, and every view on it must then be remade. */
  readonly memory: WebAssembly.Memory;
  /** The dot product of the n float32s at byte address a and at byte address b. */
  dot(a: number, b: number, n: number): number;
}

// Compiled once (null when this runtime has no WebAssembly SIMD: plain JavaScript then).
let compiled: WebAssembly.Module | null | undefined;

export function createSimdDot(): SimdDot | null {
  if (compiled === undefined) {
    try {
      const bytes = Uint8Array.from(atob(DOT_WASM), (c) => c.charCodeAt(0));
      compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null;
    }
  }
  if (!compiled) return null;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const instance = new WebAssembly.Instance(compiled, { env: { memory } });
  const dot = instance.exports.dot as (a: number, b: number, n: number) => number;
  return { memory, dot };
}
