/**
 * `plot.scatter`: points, optionally coloured by class (one legend entry per class) or
 * by a continuous value (a colour scale).
 */
import { baseLayout, describe, plainNumbers, Plot, plural, type PlotlyObject } from './plot-core';
import type { PlotOptions } from './plot-core';

export interface ScatterSeries {
  x: number[];
  y: number[];
  /** A class per point ('cat', 'dog' or 0, 1, 2) or a number to colour by. */
  color?: (string | number)[];
  name?: string;
}

/** Whole numbers with at most this many distinct values are class labels, not a scale. */
const MAX_NUMERIC_CLASSES = 12;

function isCategorical(color: readonly (string | number)[]): boolean {
  if (color.some((value) => typeof value === 'string')) return true;
  const distinct = new Set(color);
  return (
    distinct.size <= MAX_NUMERIC_CLASSES &&
    color.every((value) => Number.isInteger(value as number))
  );
}

/** Classes in a stable order: numbers ascending, strings in order of appearance. */
function categories(color: readonly (string | number)[]): (string | number)[] {
  const distinct = [...new Set(color)];
  const allNumbers = distinct.every((value) => typeof value === 'number');
  return allNumbers ? (distinct as number[]).sort((a, b) => a - b) : distinct;
}

const marker = { size: 8, opacity: 0.8 };

function tracesFor(series: ScatterSeries, index: number, total: number): PlotlyObject[] {
  const x = plainNumbers(series.x);
  const y = plainNumbers(series.y);
  if (x.length !== y.length) {
    throw new RangeError(`scatter needs as many x as y values, got ${x.length} and ${y.length}`);
  }
  const base = { type: 'scatter', mode: 'markers' };
  const name = series.name ?? (total > 1 ? `series ${index + 1}` : undefined);
  const color = series.color ? Array.from(series.color) : undefined;
  if (!color) return [{ ...base, name, x, y, marker }];
  if (color.length !== x.length) {
    throw new RangeError(`scatter needs one color per point, got ${color.length} for ${x.length}`);
  }
  if (!isCategorical(color)) {
    const scale = { color, colorscale: 'Viridis', showscale: true };
    return [{ ...base, name, x, y, marker: { ...marker, ...scale } }];
  }
  return categories(color).map((category) => {
    const keep = color.map((value) => value === category);
    return {
      ...base,
      name: name ? `${name}: ${category}` : String(category),
      x: x.filter((_, i) => keep[i]),
      y: y.filter((_, i) => keep[i]),
      marker,
    };
  });
}

/**
 * Draws points. With `color`, points of each class get their own colour and legend
 * entry; many distinct numbers get a colour scale instead.
 *
 * @example
 * plot.scatter({ x: [1, 2, 3], y: [2, 4, 5] })
 *
 * @example
 * plot.scatter({ x: heights, y: weights, color: species }, { xlabel: 'height' })
 */
export function scatter(points: ScatterSeries | ScatterSeries[], options: PlotOptions = {}): Plot {
  const list = Array.isArray(points) ? points : [points];
  const data = list.flatMap((series, i) => tracesFor(series, i, list.length));
  const count = list.reduce((sum, series) => sum + series.x.length, 0);
  const named = data.filter((trace) => trace.name !== undefined).length;
  const layout = baseLayout(options, { showlegend: named > 1 });
  const groups = data.length > 1 ? `, ${plural(data.length, 'group')}` : '';
  return new Plot(
    data,
    layout,
    describe('Scatter plot', options.title, plural(count, 'point') + groups),
  );
}
