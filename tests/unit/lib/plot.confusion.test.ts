import { expect, test } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { plot, toMimeBundle } from '../../../src/lib/index';

test('plot.confusion writes each count in its cell, true classes down, predicted across', () => {
  const chart = plot.confusion(
    [
      [50, 2],
      [5, 43],
    ],
    { labels: ['benign', 'malignant'], title: 'Test set' },
  );
  const [trace] = chart.data;
  expect(trace).toMatchObject({
    type: 'heatmap',
    z: [
      [50, 2],
      [5, 43],
    ],
    x: ['benign', 'malignant'],
    y: ['benign', 'malignant'],
    text: [
      ['50', '2'],
      ['5', '43'],
    ],
    texttemplate: '%{text}',
  });
  expect(chart.layout.yaxis).toMatchObject({ autorange: 'reversed', title: { text: 'true' } });
  expect(chart.layout.xaxis).toMatchObject({ title: { text: 'predicted' } });
  expect(toMimeBundle(chart)?.[MIME.text]).toBe(
    'Confusion matrix "Test set": 2 classes, 93 of 100 on the diagonal (93.0% correct)',
  );
});

test('plot.confusion can colour by share of each true class and still shows counts', () => {
  const chart = plot.confusion(
    [
      [3, 1],
      [0, 0],
    ],
    { normalize: true },
  );
  expect(chart.data[0].z).toEqual([
    [0.75, 0.25],
    [0, 0],
  ]);
  expect(chart.data[0].text).toEqual([
    ['3', '1'],
    ['0', '0'],
  ]);
  expect(chart.data[0].x).toEqual(['0', '1']);
});

test('plot.confusion rejects a matrix that is not square or labels that do not fit', () => {
  expect(() => plot.confusion([[1, 2], [3]])).toThrow(/row 1 has 1 counts, not 2/);
  expect(() => plot.confusion([[1]], { labels: ['a', 'b'] })).toThrow(/2 labels for 1 classes/);
});
