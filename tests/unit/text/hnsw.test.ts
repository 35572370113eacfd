import { describe, expect, it } from 'vitest';
import { HnswGraph } from '../../../src/lib/text/hnsw';
import { dot } from '../../../src/lib/text/hnsw-links';
import { createSimdDot } from '../../../src/lib/text/simd-dot';
import { VectorIndex } from '../../../src/lib/text/vector-index';
import { VectorStore } from '../../../src/lib/text/vector-store';
import { bruteForce, clustered } from './clustered';

const BUILD_TIMEOUT_MS = 60_000;

describe('the SIMD dot product', () => {
  it('is available here and matches the JavaScript loop for every length mod 8', () => {
    const simd = createSimdDot();
    expect(simd).not.toBeNull();
    const { memory, dot: simdDot } = simd!;
    memory.grow(1);
    const floats = new Float32Array(memory.buffer);
    for (let i = 0; i < 200; i++) floats[i] = Math.sin(i * 1.7) * 3;
    for (let n = 0; n <= 41; n++) {
      const expected = dot(floats, 3, floats, 100, n);
      expect(simdDot(12, 400, n)).toBeCloseTo(expected, 4);
    }
  });
});

describe('VectorStore in SIMD memory', () => {
  it('keeps earlier rows when the memory grows under it', () => {
    const store = new VectorStore<undefined>(48, false, createSimdDot());
    const points = clustered(3000, 48, 5, 11);
    for (let start = 0; start < points.length; start += 700) {
      const batch = points.slice(start, start + 700);
      store.append(
        batch.map((_, i) => start + i),
        batch,
      );
    }
    expect(store.data.buffer).toBe(store.simd!.memory.buffer);
    for (const row of [0, 699, 1500, 2999])
      expect(Array.from(store.row(row))).toEqual(Array.from(Float32Array.from(points[row])));
  });
});

describe('HnswGraph', () => {
  // An odd dimension, so the SIMD loop's tail runs; both dot products must build good graphs.
  for (const simd of [true, false]) {
    it(
      `reaches recall@10 ≥ 0.95 at efSearch 100 on 3,000 clustered points in 37-d (${simd ? 'SIMD' : 'JS'})`,
      () => {
        const points = clustered(3000, 37, 30, 12);
        const queries = clustered(50, 37, 30, 13);
        const store = new VectorStore<undefined>(37, true, simd ? createSimdDot() : null);
        store.append(
          points.map((_, i) => i),
          points,
        );
        const graph = new HnswGraph(store, { M: 12, efConstruction: 80, seed: 2 });
        for (let row = 0; row < store.rows; row++) graph.insert(row);
        const everyone = new Uint8Array(store.rows).fill(1);
        let hits = 0;
        for (const query of queries) {
          const wanted = new Set(bruteForce(points, query, 10, 'cosine'));
          const found = graph.search(store.prepare(query, 'query'), 100, everyone).slice(0, 10);
          hits += found.filter((f) => wanted.has(f.node)).length;
        }
        expect(hits / (10 * queries.length)).toBeGreaterThanOrEqual(0.95);
      },
      BUILD_TIMEOUT_MS,
    );
  }

  it('returns true scores, best first, and only accepted nodes', () => {
    const points = clustered(500, 16, 5, 14);
    const index = new VectorIndex({ dim: 16, kind: 'hnsw', efSearch: 50 });
    index.add(
      points.map((_, i) => i),
      points,
    );
    const hits = index.search(points[7], 20, { filter: (_, id) => Number(id) % 3 !== 0 });
    expect(hits).toHaveLength(20);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    for (const hit of hits) {
      expect(Number(hit.id) % 3).not.toBe(0);
      const p = points[Number(hit.id)];
      const q = points[7];
      const cos =
        p.reduce((s, x, d) => s + x * q[d], 0) /
        Math.sqrt(p.reduce((s, x) => s + x * x, 0) * q.reduce((s, x) => s + x * x, 0));
      expect(hit.score).toBeCloseTo(cos, 4);
    }
  });
});
