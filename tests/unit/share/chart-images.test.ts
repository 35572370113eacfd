import { describe, expect, it } from 'vitest';
import { toIpynb } from '../../../src/notebook/ipynb';
import type { CellOutput } from '../../../src/notebook/outputs';
import { parse } from '../../../src/notebook/parse';
import { withChartImages, type ToImage } from '../../../src/ui/share/chart-images';
import { readFixture } from '../notebook/fixtures';
import { nbformatErrors } from '../notebook/nbformat-schema';

const PLOTLY = 'application/vnd.plotly.v1+json';
const figure = { data: [{ y: [1, 2] }], layout: { height: 300 } };

describe('withChartImages', () => {
  it('adds a PNG (base64, no data: prefix) sized from the figure, and leaves other outputs', async () => {
    const asked: unknown[] = [];
    const toImage: ToImage = (_figure, options) => {
      asked.push(options);
      return Promise.resolve('data:image/png;base64,iVBORw0KGgo=');
    };
    const text: CellOutput = { type: 'stream', name: 'stdout', text: 'hi\n' };
    const result = await withChartImages(
      { grad: [text, { type: 'display', data: { [PLOTLY]: figure } }] },
      toImage,
    );
    expect(asked).toEqual([{ format: 'png', width: 800, height: 300 }]);
    expect(result).toMatchObject({ drawn: 1, failed: 0 });
    expect(result.outputs.grad).toEqual([
      text,
      { type: 'display', data: { [PLOTLY]: figure, 'image/png': 'iVBORw0KGgo=' } },
    ]);
  });

  it('keeps an undrawable chart as JSON and says why in text/plain', async () => {
    const toImage: ToImage = () => Promise.reject(new Error('WebGL is not available'));
    const result = await withChartImages(
      { grad: [{ type: 'display', data: { [PLOTLY]: figure } }] },
      toImage,
    );
    expect(result).toMatchObject({ drawn: 0, failed: 1 });
    const data = (result.outputs.grad[0] as { data: Record<string, unknown> }).data;
    expect(data[PLOTLY]).toEqual(figure);
    expect(data['image/png']).toBeUndefined();
    expect(data['text/plain']).toMatch(/kept as JSON only.*WebGL is not available/);
  });

  it('gives an export that nbformat 4.5 accepts', async () => {
    const toImage: ToImage = () => Promise.resolve('data:image/png;base64,iVBORw0KGgo=');
    const { outputs } = await withChartImages(
      { grad: [{ type: 'display', data: { [PLOTLY]: figure } }] },
      toImage,
    );
    expect(nbformatErrors(toIpynb(parse(readFixture('full-lesson.md')), outputs))).toEqual([]);
  });
});
