/**
 * `plot.line`: one or more curves, e.g. a loss over training steps.
 */
import {
  baseLayout,
  describe,
  indices,
  plainNumbers,
  Plot,
  plural,
  type PlotlyObject,
  type PlotOptions,
} from './plot-core';

/** One named curve; `x` defaults to 0, 1, 2, … */
export interface Series {
  name?: string;
  x?: number[];
  y: number[];
}

function isSingle(y: number[] | Series[]): y is number[] {
  return y.length === 0 || typeof y[0] === 'number' || ArrayBuffer.isView(y);
}

export function lineTrace(series: Series, fallbackName: string): PlotlyObject {
  const y = plainNumbers(series.y);
  const x = series.x ? plainNumbers(series.x) : indices(y.length);
  if (x.length !== y.length) {
    throw new RangeError(`Series "${fallbackName}" has ${x.length} x values but ${y.length} y`);
  }
  return { type: 'scatter', mode: 'lines', name: series.name ?? fallbackName, x, y };
}

/**
 * Draws a line through values, or several named lines.
 *
 * @example
 * plot.line([0.9, 0.5, 0.3, 0.2], { title: 'Loss', xlabel: 'epoch' })
 *
 * @example
 * plot.line([
 *   { name: 'train', y: trainLoss },
 *   { name: 'test', y: testLoss },
 * ], { logY: true })
 */
export function line(y: number[] | Series[], options: PlotOptions = {}): Plot {
  const series: Series[] = isSingle(y) ? [{ y }] : y;
  const data = series.map((one, i) => lineTrace(one, `series ${i + 1}`));
  const longest = data.reduce((max, trace) => Math.max(max, (trace.y as number[]).length), 0);
  const layout = baseLayout(options, { showlegend: series.length > 1 });
  const summary = describe(
    'Line plot',
    options.title,
    `${plural(series.length, 'series', 'series')}, ${plural(longest, 'point')}`,
  );
  return new Plot(data, layout, summary);
}
