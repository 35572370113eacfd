import { expect, test } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { plot } from '../../../src/lib/index';
import { toPicture } from '../../../src/lib/plot-picture';

test('toPicture reads flat squares, rows, RGB rows and 0–255 bytes', () => {
  expect(toPicture([0, 0.5, 1, 0.25])).toEqual({
    width: 2,
    height: 2,
    channels: 1,
    values: [0, 0.5, 1, 0.25],
  });
  expect(toPicture([[0, 1, 0]])).toMatchObject({ width: 3, height: 1, channels: 1 });
  const rgb = toPicture([
    [
      [255, 0, 0],
      [0, 0, 255],
    ],
  ]);
  expect(rgb).toEqual({ width: 2, height: 1, channels: 3, values: [1, 0, 0, 0, 0, 1] });
  expect(toPicture([[[0.5], [1]]])).toMatchObject({ channels: 1, values: [0.5, 1] });
  expect(toPicture(new Float32Array(6), { width: 3 })).toMatchObject({ width: 3, height: 2 });
  expect(
    toPicture({
      arraySync: () => [
        [1, 0],
        [0, 1],
      ],
    }),
  ).toMatchObject({ values: [1, 0, 0, 1] });
  expect(() => toPicture([1, 2, 3])).toThrow(/3 pixels are not a square/);
  expect(() => toPicture([[1, 2], [3]])).toThrow(/row 1 has 1 pixels, row 0 has 2/);
});

test('plot.image draws grey pixels as a heatmap, row 0 at the top, black to white', () => {
  const chart = plot.image([0, 0.5, 1, 0.25], { title: 'tiny' });
  const [trace] = chart.data;
  expect(trace).toMatchObject({
    type: 'heatmap',
    z: [
      [0, 0.5],
      [1, 0.25],
    ],
    zmin: 0,
    zmax: 1,
  });
  expect(chart.layout.yaxis).toMatchObject({ range: [1.5, -0.5], scaleanchor: 'x' });
  expect(chart[Symbol.for('playgrad.mimebundle') as never]).toBeTypeOf('function');
  const bundle = (chart as unknown as { [k: symbol]: () => Record<string, unknown> })[
    Symbol.for('playgrad.mimebundle')
  ]();
  expect(bundle[MIME.text]).toBe('Image "tiny": 2×2 grey');
});

test('plot.image draws RGB pixels as an image trace with 0–255 triples', () => {
  const chart = plot.image([
    [
      [1, 0, 0],
      [0, 1, 0],
    ],
  ]);
  expect(chart.data[0]).toMatchObject({
    type: 'image',
    z: [
      [
        [255, 0, 0],
        [0, 255, 0],
      ],
    ],
  });
});

test('plot.images tiles same-size images with gaps and puts each label over its image', () => {
  const one = [1, 1, 1, 1];
  const zero = [0, 0, 0, 0];
  const chart = plot.images([one, zero, one], { columns: 2, labels: ['a', 'b', 'c'], size: 64 });
  const z = chart.data[0].z as (number | null)[][];
  // 2×2 images, a 1-pixel gap, and 1 row above each image for its label (16 px / 32 px per pixel).
  expect(z[0].length).toBe(2 + 1 + 2);
  expect(z.length).toBe((1 + 2) * 2 + 1);
  expect(z[1]).toEqual([1, 1, null, 0, 0]);
  expect(z[0]).toEqual([null, null, null, null, null]);
  expect(z[5]).toEqual([1, 1, null, null, null]);
  const annotations = chart.layout.annotations as { text: string; x: number }[];
  expect(annotations.map((a) => a.text)).toEqual(['a', 'b', 'c']);
  expect(annotations[1].x).toBe(3.5);
  expect(() => plot.images([one, [1, 1, 1, 1, 1, 1, 1, 1, 1]])).toThrow(/image 1 is 3×3/);
  expect(() => plot.images([])).toThrow(/at least one image/);
});
