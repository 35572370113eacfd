import { describe, expect, it } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { toMimeBundle } from '../../../src/lib/mime';
import * as plot from '../../../src/lib/plot';
import { histogram } from '../../../src/lib/plot-bar';

type Trace = Record<string, unknown>;
interface PlotlyJson {
  data: Trace[];
  layout: Record<string, unknown>;
}
const plotlyOf = (value: unknown): PlotlyJson => toMimeBundle(value)?.[MIME.plotly] as PlotlyJson;

describe('plot.line', () => {
  it('draws one line over 0..n-1 with axis titles and a text summary', () => {
    const chart = plot.line([3, 2, 1], { title: 'Loss', xlabel: 'epoch', ylabel: 'loss' });
    const json = plotlyOf(chart);
    expect(json.data).toEqual([
      { type: 'scatter', mode: 'lines', name: 'series 1', x: [0, 1, 2], y: [3, 2, 1] },
    ]);
    expect(json.layout.xaxis).toMatchObject({ title: { text: 'epoch' } });
    expect(json.layout.yaxis).toMatchObject({ title: { text: 'loss' } });
    expect(json.layout.title).toMatchObject({ text: 'Loss' });
    expect(json.layout.showlegend).toBe(false);
    expect(toMimeBundle(chart)?.[MIME.text]).toBe('Line plot "Loss": 1 series, 3 points');
    expect(chart.data).toBe(json.data);
  });

  it('draws named series with their own x, and a legend', () => {
    const chart = plot.line([
      { name: 'train', y: [1, 0.5] },
      { name: 'test', x: [0, 10, 20], y: new Float32Array([2, 1, 0.5]) as unknown as number[] },
    ]);
    expect(chart.data.map((t) => t.name)).toEqual(['train', 'test']);
    expect(chart.data[1].x).toEqual([0, 10, 20]);
    expect(Array.isArray(chart.data[1].y)).toBe(true);
    expect(chart.layout.showlegend).toBe(true);
    expect(chart.summary).toBe('Line plot: 2 series, 3 points');
  });

  it('sets log axes and a fixed y range (in powers of ten on a log axis)', () => {
    const linear = plot.line([1, 2], { logX: true, yrange: [0, 5], height: 200, width: 500 });
    expect(linear.layout.xaxis).toMatchObject({ type: 'log' });
    expect(linear.layout.yaxis).toMatchObject({ range: [0, 5] });
    expect(linear.layout).toMatchObject({ height: 200, width: 500 });
    const log = plot.line([1, 2], { logY: true, yrange: [0.01, 100] });
    expect(log.layout.yaxis).toMatchObject({ type: 'log', range: [-2, 2] });
  });

  it('refuses series whose x and y differ in length', () => {
    expect(() => plot.line([{ x: [1, 2], y: [1] }])).toThrow(/2 x values but 1 y/);
  });
});

describe('plot.scatter', () => {
  it('draws one marker trace without color', () => {
    const chart = plot.scatter({ x: [1, 2], y: [3, 4] });
    expect(chart.data).toHaveLength(1);
    expect(chart.data[0]).toMatchObject({ type: 'scatter', mode: 'markers', x: [1, 2], y: [3, 4] });
    expect(chart.summary).toBe('Scatter plot: 2 points');
  });

  it('splits categorical colors into one trace per class, with a legend', () => {
    const chart = plot.scatter({
      x: [1, 2, 3, 4],
      y: [5, 6, 7, 8],
      color: ['dog', 'cat', 'dog', 'bird'],
    });
    expect(chart.data.map((t) => [t.name, t.x, t.y])).toEqual([
      ['dog', [1, 3], [5, 7]],
      ['cat', [2], [6]],
      ['bird', [4], [8]],
    ]);
    expect(chart.layout.showlegend).toBe(true);
    expect(chart.summary).toBe('Scatter plot: 4 points, 3 groups');
  });

  it('treats a few whole numbers as class labels, sorted', () => {
    const chart = plot.scatter({ x: [1, 2, 3], y: [1, 2, 3], color: [2, 0, 2], name: 'digits' });
    expect(chart.data.map((t) => t.name)).toEqual(['digits: 0', 'digits: 2']);
  });

  it('colours by a continuous value with a colour scale', () => {
    const chart = plot.scatter({ x: [1, 2, 3], y: [1, 2, 3], color: [0.1, 0.5, 0.9] });
    expect(chart.data).toHaveLength(1);
    expect(chart.data[0].marker).toMatchObject({ color: [0.1, 0.5, 0.9], showscale: true });
  });

  it('draws several series', () => {
    const chart = plot.scatter([
      { x: [1], y: [1], name: 'a' },
      { x: [2], y: [2], name: 'b' },
    ]);
    expect(chart.data.map((t) => t.name)).toEqual(['a', 'b']);
  });
});

describe('plot.bar and plot.hist', () => {
  it('draws bars with labels', () => {
    const chart = plot.bar({ x: ['cat', 'dog'], y: [3, 5] }, { ylabel: 'count' });
    expect(chart.data).toEqual([{ type: 'bar', x: ['cat', 'dog'], y: [3, 5] }]);
    expect(chart.summary).toBe('Bar chart: 2 bars');
  });

  it('counts values into exactly the requested number of bins', () => {
    const chart = plot.hist([0, 1, 1, 2, 3, 4], { bins: 4, title: 'H' });
    const [trace] = chart.data;
    expect(trace.y).toEqual([1, 2, 1, 2]);
    expect(trace.x).toEqual([0.5, 1.5, 2.5, 3.5]);
    expect(chart.layout.yaxis).toMatchObject({ title: { text: 'count' } });
    expect(chart.summary).toBe('Histogram "H": 6 values, 4 bins');
  });

  it('leaves out values that are not finite, and says so', () => {
    const chart = plot.hist([1, Number.NaN, 2], { bins: 2 });
    expect((chart.data[0].y as number[]).reduce((a, b) => a + b)).toBe(2);
    expect(chart.summary).toContain('1 value not finite');
  });

  it('histogram puts the maximum in the last bin and handles a single value', () => {
    expect(histogram([0, 10], 2)).toEqual({ edges: [0, 5, 10], counts: [1, 1] });
    expect(histogram([3, 3], 1)).toEqual({ edges: [2.5, 3.5], counts: [2] });
  });
});

describe('plot.heatmap', () => {
  it('draws the matrix with row 0 on top and optional labels and values', () => {
    const chart = plot.heatmap(
      [
        [5, 1],
        [0, 7],
      ],
      { x: ['a', 'b'], y: [0, 1], showValues: true, xlabel: 'predicted' },
    );
    expect(chart.data[0]).toMatchObject({
      type: 'heatmap',
      z: [
        [5, 1],
        [0, 7],
      ],
      x: ['a', 'b'],
      y: ['0', '1'],
      texttemplate: '%{z}',
    });
    expect(chart.layout.yaxis).toMatchObject({ autorange: 'reversed' });
    expect(chart.layout.xaxis).toMatchObject({ title: { text: 'predicted' } });
    expect(chart.summary).toBe('Heatmap: 2×2 cells');
  });
});
