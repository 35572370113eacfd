/**
 * `plot.bar` and `plot.hist`. The histogram is counted here rather than by Plotly: the
 * bin count is then exact, and the output carries `bins` numbers instead of every value
 * (a 100,000-value histogram stays small in a saved notebook).
 */
import { baseLayout, describe, plainNumbers, Plot, plural, type PlotOptions } from './plot-core';

export interface BarData {
  x: (string | number)[];
  y: number[];
}

/**
 * Draws one bar per label.
 *
 * @example
 * plot.bar({ x: ['cat', 'dog', 'bird'], y: [12, 9, 4] }, { ylabel: 'count' })
 */
export function bar(bars: BarData, options: PlotOptions = {}): Plot {
  const x = Array.from(bars.x);
  const y = plainNumbers(bars.y);
  if (x.length !== y.length) {
    throw new RangeError(`bar needs as many labels as values, got ${x.length} and ${y.length}`);
  }
  const data = [{ type: 'bar', x, y }];
  return new Plot(
    data,
    baseLayout(options),
    describe('Bar chart', options.title, plural(x.length, 'bar')),
  );
}

export interface HistOptions extends PlotOptions {
  /** Number of bars; by default about log2(n) + 1 (Sturges' rule). */
  bins?: number;
}

export interface Histogram {
  /** Left edge of each bin, then the right edge of the last: bins + 1 numbers. */
  edges: number[];
  counts: number[];
}

/** Counts values into equal-width bins; the last bin includes its right edge. */
export function histogram(values: readonly number[], bins: number): Histogram {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (values.length === 0) return { edges: [], counts: [] };
  if (low === high) {
    low -= 0.5;
    high += 0.5;
  }
  const width = (high - low) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) {
    counts[Math.min(bins - 1, Math.floor((value - low) / width))] += 1;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? high : low + i * width));
  return { edges, counts };
}

/**
 * Shows how values are spread: bars counting how many fall in each range.
 *
 * @example
 * plot.hist(heights, { bins: 20, xlabel: 'height (cm)' })
 */
export function hist(values: number[], options: HistOptions = {}): Plot {
  const finite = plainNumbers(values).filter((value) => Number.isFinite(value));
  const bins = options.bins ?? Math.max(1, Math.ceil(Math.log2(Math.max(1, finite.length)) + 1));
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`hist needs a whole number of bins, got ${bins}`);
  }
  const { edges, counts } = histogram(finite, bins);
  const centers = counts.map((_, i) => (edges[i] + edges[i + 1]) / 2);
  const widths = counts.map((_, i) => edges[i + 1] - edges[i]);
  const hover = counts.map((_, i) => `${edges[i]} to ${edges[i + 1]}`);
  const data = [
    { type: 'bar', x: centers, y: counts, width: widths, text: hover, hoverinfo: 'text+y' },
  ];
  const { bins: _bins, ...plotOptions } = options;
  const layout = baseLayout({ ylabel: 'count', ...plotOptions }, { bargap: 0.04 });
  const skipped = values.length - finite.length;
  const note = skipped > 0 ? ` (${plural(skipped, 'value')} not finite, left out)` : '';
  const details = `${plural(finite.length, 'value')}, ${plural(bins, 'bin')}${note}`;
  return new Plot(data, layout, describe('Histogram', options.title, details));
}
