/**
 * `plot.dendrogram`: the merges of a hierarchical clustering (`ml.agglomerative`) drawn as
 * scipy's `dendrogram` draws them: leaves along the bottom in the tree's own order (merge
 * a on the left of b), each merge a ∩-shaped link at the height of its distance. When the
 * result was cut into clusters, the links inside each cluster take that cluster's colour
 * (the colour of its number in `labels`), the links above the cut are grey, and a dashed
 * line marks where the cut falls.
 */
import { baseLayout, describe, plural, Plot, type PlotlyObject } from './plot-core';

/** What `ml.agglomerative` returns (only the parts drawn). */
export interface DendrogramData {
  /** scipy's linkage matrix rows: [a, b, distance, size]. */
  merges: readonly (readonly number[])[];
  /** Cluster of each row, to colour the links below the cut. */
  labels?: readonly number[];
}

export interface DendrogramOptions {
  /** A name per row of X, written under its leaf (default: the row number). */
  labels?: readonly (string | number)[];
  title?: string;
  /** Default 'distance'. */
  ylabel?: string;
  height?: number;
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2'];
const ABOVE_CUT = '#999999';
/** Past this many leaves their names would overlap: they are left out. */
const MAX_NAMED_LEAVES = 80;

/**
 * @example
 * const tree = ml.agglomerative(X, { linkage: 'ward', nClusters: 3 })
 * plot.dendrogram(tree, { labels: names })
 */
export function dendrogram(result: DendrogramData, options: DendrogramOptions = {}): Plot {
  const merges = result?.merges;
  if (!Array.isArray(merges) || merges.length === 0) {
    throw new TypeError('dendrogram needs the result of ml.agglomerative (its merges)');
  }
  const n = merges.length + 1;
  if (options.labels && options.labels.length !== n) {
    throw new RangeError(`labels has ${options.labels.length} names but the tree has ${n} leaves`);
  }
  merges.forEach((merge, i) => {
    const [a, b, distance] = merge;
    const earlier = (id: number) => Number.isInteger(id) && id >= 0 && id < n + i;
    if (!earlier(a) || !earlier(b) || !Number.isFinite(distance)) {
      throw new RangeError(
        `merges[${i}] must be [a, b, distance, size] with a, b clusters formed before it`,
      );
    }
  });
  const leafOrder = orderLeaves(merges, n);
  const x = new Float64Array(2 * n - 1);
  const height = new Float64Array(2 * n - 1);
  leafOrder.forEach((leaf, position) => (x[leaf] = 5 + 10 * position));
  const k = result.labels ? new Set(result.labels).size : 1;
  const firstLeaf = Int32Array.from({ length: 2 * n - 1 }, (_, id) => id);
  const segments = new Map<string, { x: (number | null)[]; y: (number | null)[] }>();
  merges.forEach(([a, b, distance], i) => {
    const id = n + i;
    x[id] = (x[a] + x[b]) / 2;
    height[id] = distance;
    firstLeaf[id] = firstLeaf[a];
    const belowCut = k > 1 && i < n - k;
    const colour =
      belowCut && result.labels
        ? PALETTE[result.labels[firstLeaf[id]] % PALETTE.length]
        : k > 1
          ? ABOVE_CUT
          : PALETTE[0];
    const path = segments.get(colour) ?? { x: [], y: [] };
    path.x.push(x[a], x[a], x[b], x[b], null);
    path.y.push(height[a], distance, distance, height[b], null);
    segments.set(colour, path);
  });
  const data: PlotlyObject[] = [...segments].map(([colour, path]) => ({
    type: 'scatter',
    mode: 'lines',
    x: path.x,
    y: path.y,
    line: { color: colour, width: 1.5 },
    hoverinfo: 'y',
    showlegend: false,
  }));
  const shapes: PlotlyObject[] = [];
  if (k > 1 && k < n) {
    const cut = (merges[n - k - 1][2] + merges[n - k][2]) / 2;
    shapes.push({
      type: 'line',
      xref: 'paper',
      x0: 0,
      x1: 1,
      y0: cut,
      y1: cut,
      line: { color: '#555', width: 1, dash: 'dash' },
    });
  }
  const named = n <= MAX_NAMED_LEAVES;
  const layout = baseLayout(
    { title: options.title, ylabel: options.ylabel ?? 'distance', height: options.height },
    {
      xaxis: {
        tickvals: named ? leafOrder.map((_, p) => 5 + 10 * p) : [],
        ticktext: named ? leafOrder.map((leaf) => String(options.labels?.[leaf] ?? leaf)) : [],
        tickangle: n > 20 ? -90 : 0,
        showgrid: false,
        zeroline: false,
        range: [0, 10 * n],
      },
      yaxis: {
        rangemode: 'tozero',
        gridcolor: '#e5e5e5',
        title: { text: options.ylabel ?? 'distance' },
      },
      shapes,
    },
  );
  const clusters = k > 1 ? `, cut into ${plural(k, 'cluster')}` : '';
  return new Plot(
    data,
    layout,
    describe('Dendrogram', options.title, `${plural(n, 'leaf', 'leaves')}${clusters}`),
  );
}

/** Leaves left to right: a depth-first walk from the last merge, a before b. */
function orderLeaves(merges: readonly (readonly number[])[], n: number): number[] {
  const order: number[] = [];
  const stack = [2 * n - 2];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (id < n) {
      order.push(id);
      continue;
    }
    const [a, b] = merges[id - n];
    stack.push(b, a);
  }
  return order;
}
