// Wine: 178 Italian wines from three cultivars, 13 chemical measurements each.
import { SKLEARN_DATA, readSklearnClassTable } from './sklearn-table.mjs';

const FEATURES = [
  'alcohol',
  'malic_acid',
  'ash',
  'alcalinity_of_ash',
  'magnesium',
  'total_phenols',
  'flavanoids',
  'nonflavanoid_phenols',
  'proanthocyanins',
  'color_intensity',
  'hue',
  'od280_od315',
  'proline',
];

/** @type {import('./dataset-module.mjs').DatasetModule} */
export default {
  name: 'wine',
  file: 'wine.csv',
  title: 'Wine cultivars',
  description:
    'Chemical analysis of 178 wines grown in the same region of Italy from three cultivars ' +
    '(class_0: 59, class_1: 71, class_2: 48 wines): alcohol (%), malic acid, ash, alcalinity ' +
    'of ash, magnesium, total phenols, flavanoids, non-flavanoid phenols, proanthocyanins, ' +
    'colour intensity, hue, OD280/OD315 of diluted wines and proline. The features have very ' +
    'different scales (proline is in the hundreds, hue near 1): a good case for standardising.',
  origin: 'Forina et al., PARVUS (1988), via the UCI Machine Learning Repository',
  debianPackage: 'python3-sklearn',
  sourceFile: `${SKLEARN_DATA}/wine_data.csv`,
  license: 'BSD-3-Clause (scikit-learn)',
  task: 'classification',
  target: 'cultivar',
  features: FEATURES,
  expect: {
    rows: 178,
    firstRecord: {
      alcohol: 14.23,
      malic_acid: 1.71,
      ash: 2.43,
      alcalinity_of_ash: 15.6,
      magnesium: 127,
      total_phenols: 2.8,
      flavanoids: 3.06,
      nonflavanoid_phenols: 0.28,
      proanthocyanins: 2.29,
      color_intensity: 5.64,
      hue: 1.04,
      od280_od315: 3.92,
      proline: 1065,
      cultivar: 'class_0',
    },
  },
  build: (root) => readSklearnClassTable(root, 'wine_data.csv', FEATURES, 'cultivar'),
};
