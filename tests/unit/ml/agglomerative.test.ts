/**
 * Linkage matrices from scipy 1.10.1 (Debian python3-scipy 1.10.1-2):
 * scipy.cluster.hierarchy.linkage(X, method) and fcluster(Z, k, 'maxclust'), written to
 * fixtures/linkage-scipy.json by scripts/fixtures/ml-references.py. X is syntheticWide(30, 4)
 * (no tied distances, so the merge order is unique) and iris (which has duplicate rows, so
 * only the distance column and the clusters are compared there).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agglomerative, type Linkage } from '../../../src/lib/ml/agglomerative';
import { adjustedRandIndex } from '../../../src/lib/ml/ari';
import { loadIris, syntheticWide } from './load-fixtures';

interface Reference {
  synthetic: number[][];
  syntheticLabels4: number[];
  irisDistances: number[];
  irisLabels3: number[];
}
const scipy = JSON.parse(
  readFileSync(new URL('fixtures/linkage-scipy.json', import.meta.url), 'utf8'),
) as { linkages: Record<Linkage, Reference> };

const LINKAGES: Linkage[] = ['ward', 'complete', 'average', 'single'];

describe.each(LINKAGES)('agglomerative, %s linkage', (linkage) => {
  const reference = scipy.linkages[linkage];

  it("gives scipy's linkage matrix, merge for merge", () => {
    const { merges } = agglomerative(syntheticWide(30, 4), { linkage });
    expect(merges).toHaveLength(29);
    merges.forEach(([a, b, distance, size], i) => {
      const [ea, eb, ed, es] = reference.synthetic[i];
      expect([a, b, size]).toEqual([ea, eb, es]);
      expect(distance).toBeCloseTo(ed, 10);
    });
  });

  it("cuts the same clusters as scipy's fcluster", () => {
    const { labels } = agglomerative(syntheticWide(30, 4), { linkage, nClusters: 4 });
    expect(new Set(labels).size).toBe(4);
    expect(adjustedRandIndex(labels, reference.syntheticLabels4)).toBe(1);
  });

  it('gives scipy’s merge distances and 3 clusters on iris', () => {
    const { X } = loadIris();
    const { merges, labels } = agglomerative(X, { linkage, nClusters: 3 });
    merges.forEach(([, , distance], i) =>
      expect(distance).toBeCloseTo(reference.irisDistances[i], 10),
    );
    expect(merges[148][3]).toBe(150);
    expect(adjustedRandIndex(labels, reference.irisLabels3)).toBe(1);
  });
});

describe('agglomerative input', () => {
  it('numbers clusters in order of their first row', () => {
    const { labels } = agglomerative([[10], [0], [10.5], [0.5]], { nClusters: 2 });
    expect(labels).toEqual([0, 1, 0, 1]);
  });

  it('names what is wrong', () => {
    expect(() => agglomerative([[1, 2]])).toThrow(/at least 2 rows/);
    expect(() => agglomerative([])).toThrow(/X has no rows/);
    expect(() => agglomerative([[1], [NaN]])).toThrow(/X\[1\]\[0\] is missing \(NaN\)/);
    expect(() => agglomerative([[1], ['a' as unknown as number]])).toThrow(/X\[1\]\[0\].*"a"/);
    expect(() => agglomerative([[1], [2]], { nClusters: 3 })).toThrow(/nClusters .* 1 to 2/);
    expect(() => agglomerative([[1], [2]], { linkage: 'centroid' as Linkage })).toThrow(
      /linkage must be one of ward, complete, average, single/,
    );
  });
});
