// Breast cancer (Wisconsin diagnostic): 569 tumours, 30 measurements of cell nuclei.
import { SKLEARN_DATA, readSklearnClassTable } from './sklearn-table.mjs';

const MEASURES = [
  'radius',
  'texture',
  'perimeter',
  'area',
  'smoothness',
  'compactness',
  'concavity',
  'concave_points',
  'symmetry',
  'fractal_dimension',
];
// The file's column order: the ten means, then their standard errors, then the worst values.
const FEATURES = ['mean', 'error', 'worst'].flatMap((kind) => MEASURES.map((m) => `${kind}_${m}`));

/** @type {import('./dataset-module.mjs').DatasetModule} */
export default {
  name: 'breast-cancer',
  file: 'breast-cancer.csv',
  title: 'Breast cancer diagnosis (Wisconsin)',
  description:
    '569 breast tumours, each described by ten properties of the cell nuclei in a digitised ' +
    'image of a fine needle aspirate (radius, texture, perimeter, area, smoothness, ' +
    'compactness, concavity, concave points, symmetry, fractal dimension), given three ways: ' +
    'the mean over the nuclei (mean_*), its standard error (error_*) and the worst, i.e. ' +
    'largest, value (worst_*). The diagnosis is malignant (212) or benign (357): y = 0 is ' +
    'malignant, y = 1 benign, as in scikit-learn.',
  origin: 'Wolberg, Street and Mangasarian (1995), via the UCI Machine Learning Repository',
  debianPackage: 'python3-sklearn',
  sourceFile: `${SKLEARN_DATA}/breast_cancer.csv`,
  license: 'BSD-3-Clause (scikit-learn)',
  task: 'classification',
  target: 'diagnosis',
  features: FEATURES,
  expect: {
    rows: 569,
    firstRecord: Object.fromEntries([
      ...FEATURES.map((f, i) => [f, firstRow()[i]]),
      ['diagnosis', 'malignant'],
    ]),
  },
  build: (root) => readSklearnClassTable(root, 'breast_cancer.csv', FEATURES, 'diagnosis'),
};

function firstRow() {
  return [
    17.99, 10.38, 122.8, 1001, 0.1184, 0.2776, 0.3001, 0.1471, 0.2419, 0.07871, 1.095, 0.9053,
    8.589, 153.4, 0.006399, 0.04904, 0.05373, 0.01587, 0.03003, 0.006193, 25.38, 17.33, 184.6,
    2019, 0.1622, 0.6656, 0.7119, 0.2654, 0.4601, 0.1189,
  ];
}
