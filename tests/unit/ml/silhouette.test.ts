/**
 * Expected values: scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1)
 * sklearn.metrics.silhouette_score / silhouette_samples, Euclidean, printed by
 * scripts/fixtures/ml-references.py.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { silhouette } from '../../../src/lib/ml/silhouette';
import { loadIris, syntheticWide } from './load-fixtures';

describe('silhouette', () => {
  it('matches silhouette_score and silhouette_samples on iris with the species as clusters', () => {
    const { X, species } = loadIris();
    const result = silhouette(X, species);
    expect(result.mean).toBeCloseTo(0.503477440693296, 12);
    expect(result.samples).toHaveLength(150);
    const expected = [
      0.8464691670128704, 0.06371556327037485, 0.48684209533969897, 0.05397226935952274,
    ];
    [0, 50, 100, 149].forEach((row, i) => expect(result.samples[row]).toBeCloseTo(expected[i], 12));
  });

  it('matches sklearn on the clusters scipy cuts from a ward tree', () => {
    const scipy = JSON.parse(
      readFileSync(new URL('fixtures/linkage-scipy.json', import.meta.url), 'utf8'),
    ) as { linkages: { ward: { syntheticLabels4: number[] } } };
    const X = syntheticWide(30, 4);
    expect(silhouette(X, scipy.linkages.ward.syntheticLabels4).mean).toBeCloseTo(
      0.450138651876229,
      12,
    );
  });

  it('scores a row alone in its cluster 0, as sklearn does', () => {
    const labels = [...Array<number>(10).fill(0), ...Array<number>(19).fill(1), 2];
    const result = silhouette(syntheticWide(30, 4), labels);
    expect(result.samples[29]).toBe(0);
    expect(result.mean).toBeCloseTo(-0.22592039757784227, 12);
  });

  it('names what is wrong', () => {
    const X = [[0], [1], [5]];
    expect(() => silhouette(X, [0, 0, 0])).toThrow(/from 2 to 2 clusters.*one cluster/);
    expect(() => silhouette(X, [0, 1, 2])).toThrow(/every row is its own cluster/);
    expect(() => silhouette(X, [0, 1])).toThrow(/X has 3 rows but labels has 2/);
    expect(() => silhouette([[0], [NaN], [1]], [0, 1, 1])).toThrow(/X\[1\]\[0\]/);
    expect(() => silhouette([], [])).toThrow(/X has no rows/);
  });
});
