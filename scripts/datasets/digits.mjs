// 8×8 digits: 1,797 handwritten digits at 8×8 pixels, grey levels 0–16 (scikit-learn's copy).
import { join } from 'node:path';
import { SKLEARN_DATA } from './sklearn-table.mjs';
import { PYTHON_PACKAGES, readNumberTable } from './table-files.mjs';

/** @type {import('./dataset-module.mjs').DatasetModule} */
export default {
  name: 'digits',
  file: 'digits.u8.gz',
  title: 'Handwritten digits (8×8)',
  description:
    '1,797 handwritten digits (0–9, about 180 of each) from 43 people, scanned and reduced to ' +
    '8×8 pixels with 17 grey levels. X has one row of 64 pixels per image (row by row, top ' +
    'left first), scaled from 0–16 to 0–1; imageShape is [8, 8, 1]. Small enough for PCA, ' +
    'clustering and a first neural network in seconds.',
  origin: 'Alpaydin and Kaynak (1998), UCI Optical Recognition of Handwritten Digits (test set)',
  debianPackage: 'python3-sklearn',
  sourceFile: `${SKLEARN_DATA}/digits.csv.gz`,
  license: 'BSD-3-Clause (scikit-learn)',
  task: 'classification',
  target: 'digit',
  imageShape: [8, 8, 1],
  pixelMax: 16,
  expect: { rows: 1797, firstLabel: 0, firstPixelSum: 294 },

  build(root) {
    const table = readNumberTable(join(root, PYTHON_PACKAGES, SKLEARN_DATA, 'digits.csv.gz'), ',');
    const images = table.map((cells, row) => {
      if (cells.length !== 65 || cells.some((v) => !Number.isInteger(v) || v < 0 || v > 16)) {
        throw new Error(`digits: row ${row + 1} is not 64 grey levels 0–16 and a label`);
      }
      return Uint8Array.from(cells.slice(0, 64));
    });
    const labels = table.map((cells) => cells[64]);
    const targetNames = Array.from({ length: 10 }, (_, d) => String(d));
    return { images, labels, targetNames };
  },
};
