/**
 * `plot.heatmap`: a matrix as coloured cells, row 0 at the top (like the matrix is
 * written), e.g. a confusion matrix or attention weights.
 */
import { baseLayout, describe, Plot, type PlotOptions } from './plot-core';

export interface HeatmapOptions extends PlotOptions {
  /** Column labels. */
  x?: (string | number)[];
  /** Row labels. */
  y?: (string | number)[];
  /** Write each cell's value in it (good for small matrices). */
  showValues?: boolean;
}

/**
 * Colours each cell of a matrix by its value.
 *
 * @example
 * plot.heatmap([[50, 2], [5, 43]], {
 *   x: ['cat', 'dog'], y: ['cat', 'dog'],
 *   xlabel: 'predicted', ylabel: 'true', showValues: true,
 * })
 */
export function heatmap(z: number[][], options: HeatmapOptions = {}): Plot {
  const rows = z.map((row) => Array.from(row));
  const columns = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const { x, y, showValues, ...plotOptions } = options;
  const trace: Record<string, unknown> = { type: 'heatmap', z: rows, colorscale: 'Viridis' };
  // Category labels keep their order; numbers would be placed on a numeric axis.
  if (x) trace.x = x.map(String);
  if (y) trace.y = y.map(String);
  if (showValues) trace.texttemplate = '%{z}';
  const layout = baseLayout(plotOptions);
  layout.yaxis = { ...(layout.yaxis as object), autorange: 'reversed' };
  const details = `${rows.length}×${columns} cells`;
  return new Plot([trace], layout, describe('Heatmap', options.title, details));
}
