import { expect, test } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { ml, plot, toMimeBundle } from '../../../src/lib/index';

type Trace = { x: (number | null)[]; y: (number | null)[]; line: { color: string } };

// Four points on a line: 0 and 1 merge first (distance 1), then 10 and 12 (2), then all.
const X = [[0], [10], [1], [12]];

test('plot.dendrogram draws one ∩ link per merge, leaves in tree order, at merge heights', () => {
  const tree = ml.agglomerative(X, { linkage: 'single', nClusters: 1 });
  expect(tree.merges).toEqual([
    [0, 2, 1, 2],
    [1, 3, 2, 2],
    [4, 5, 9, 4],
  ]);
  const chart = plot.dendrogram(tree, { labels: ['a', 'b', 'c', 'd'] });
  const xaxis = chart.layout.xaxis as { ticktext: string[]; tickvals: number[] };
  expect(xaxis.ticktext).toEqual(['a', 'c', 'b', 'd']);
  expect(xaxis.tickvals).toEqual([5, 15, 25, 35]);
  const [links] = chart.data as Trace[];
  expect(chart.data).toHaveLength(1);
  // Each link: up from both children to the merge height, with a gap (null) between links.
  expect(links.x).toEqual([5, 5, 15, 15, null, 25, 25, 35, 35, null, 10, 10, 30, 30, null]);
  expect(links.y).toEqual([0, 1, 1, 0, null, 0, 2, 2, 0, null, 1, 9, 9, 2, null]);
  expect(toMimeBundle(chart)?.[MIME.text]).toBe('Dendrogram: 4 leaves');
});

test('plot.dendrogram colours each cluster below the cut and marks the cut', () => {
  const tree = ml.agglomerative(X, { linkage: 'ward', nClusters: 2 });
  const chart = plot.dendrogram(tree);
  const colours = (chart.data as Trace[]).map((trace) => trace.line.color);
  expect(colours).toHaveLength(3); // two clusters and the grey link above the cut
  expect(new Set(colours).size).toBe(3);
  const shapes = chart.layout.shapes as { y0: number }[];
  expect(shapes).toHaveLength(1);
  expect(shapes[0].y0).toBeGreaterThan(tree.merges[1][2]);
  expect(shapes[0].y0).toBeLessThan(tree.merges[2][2]);
  expect(toMimeBundle(chart)?.[MIME.text]).toBe('Dendrogram: 4 leaves, cut into 2 clusters');
});

test('plot.dendrogram names what is wrong', () => {
  const tree = ml.agglomerative(X);
  expect(() => plot.dendrogram({ merges: [] })).toThrow(/result of ml.agglomerative/);
  expect(() => plot.dendrogram(tree, { labels: ['a'] })).toThrow(/1 names but the tree has 4/);
  expect(() => plot.dendrogram({ merges: [[0, 5, 1, 2]] })).toThrow(/merges\[0\]/);
});
