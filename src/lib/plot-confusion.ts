/**
 * `plot.confusion`: a confusion matrix as a heatmap with the count written in each cell,
 * true classes down the side and predicted classes along the top, the diagonal being
 * the correct answers.
 */
import { baseLayout, describe, Plot } from './plot-core';

export interface ConfusionOptions {
  /** Class names, in the order of the matrix's rows and columns. */
  labels?: readonly (string | number)[];
  title?: string;
  /** Colour by the share of each true class (row) instead of the raw count. */
  normalize?: boolean;
  /** Screen pixels; default fits the number of classes. */
  width?: number;
  height?: number;
}

const BLUES = [
  [0, '#f7fbff'],
  [0.5, '#6baed6'],
  [1, '#08306b'],
];

/**
 * Draws a confusion matrix (`matrix[true][predicted]`, counts).
 *
 * @example
 * const cm = ml.metrics.confusionMatrix(yTest, predicted)
 * plot.confusion(cm, { labels: ['benign', 'malignant'] })
 */
export function confusion(
  matrix: readonly (readonly number[])[],
  options: ConfusionOptions = {},
): Plot {
  const size = matrix.length;
  if (size === 0) throw new RangeError('plot.confusion needs a matrix with at least one row');
  const rows = matrix.map((row, index) => {
    if (row.length !== size) {
      throw new RangeError(
        `plot.confusion needs a square matrix: row ${index} has ${row.length} counts, not ${size}`,
      );
    }
    return Array.from(row);
  });
  const labels = (options.labels ?? rows.map((_, index) => index)).map(String);
  if (labels.length !== size) {
    throw new RangeError(`plot.confusion: ${labels.length} labels for ${size} classes`);
  }
  const shares = rows.map((row) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return row.map((count) => (total > 0 ? count / total : 0));
  });
  const side = Math.min(640, Math.max(280, 60 * size + 140));
  const trace = {
    type: 'heatmap',
    z: options.normalize ? shares : rows,
    x: labels,
    y: labels,
    text: rows.map((row) => row.map(String)),
    texttemplate: '%{text}',
    hovertemplate: 'true %{y}, predicted %{x}: %{text}<extra></extra>',
    colorscale: BLUES,
    showscale: false,
    xgap: 1,
    ygap: 1,
  };
  const layout = baseLayout(
    {
      title: options.title,
      xlabel: 'predicted',
      ylabel: 'true',
      width: options.width ?? side,
      height: options.height ?? side,
    },
    {},
  );
  layout.xaxis = { ...(layout.xaxis as object), type: 'category', side: 'bottom' };
  layout.yaxis = { ...(layout.yaxis as object), type: 'category', autorange: 'reversed' };
  const total = rows.flat().reduce((sum, count) => sum + count, 0);
  const correct = rows.reduce((sum, row, index) => sum + row[index], 0);
  const accuracy = total > 0 ? ` (${((100 * correct) / total).toFixed(1)}% correct)` : '';
  const text = `${size} classes, ${correct} of ${total} on the diagonal${accuracy}`;
  return new Plot([trace], layout, describe('Confusion matrix', options.title, text));
}
