// Iris: 150 flowers, 4 measurements in cm, 3 species. From scikit-learn's bundled copy.
import { join } from 'node:path';
import { PYTHON_PACKAGES, readText } from './table-files.mjs';

const SOURCE_FILE = 'sklearn/datasets/data/iris.csv';
const FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];

/** @type {import('./dataset-module.mjs').DatasetModule} */
export default {
  name: 'iris',
  file: 'iris.csv',
  title: 'Iris flowers',
  description:
    'Sepal and petal length and width (cm) of 150 iris flowers, 50 of each species ' +
    '(setosa, versicolor, virginica). R. A. Fisher (1936), the classic first classification data.',
  origin: 'R. A. Fisher (1936), as in R and scikit-learn',
  debianPackage: 'python3-sklearn',
  sourceFile: SOURCE_FILE,
  license: 'BSD-3-Clause (scikit-learn)',
  task: 'classification',
  target: 'species',
  features: FEATURES,
  expect: {
    rows: 150,
    firstRecord: {
      sepal_length: 5.1,
      sepal_width: 3.5,
      petal_length: 1.4,
      petal_width: 0.2,
      species: 'setosa',
    },
  },

  build(root) {
    // Header: "150,4,setosa,versicolor,virginica" = rows, features, then the class names;
    // each row is 4 measurements and the class index.
    const [header, ...lines] = readText(join(root, PYTHON_PACKAGES, SOURCE_FILE)).trim().split('\n');
    const targetNames = header.split(',').slice(2);
    const records = lines.map((line) => {
      const cells = line.split(',').map(Number);
      const record = Object.fromEntries(FEATURES.map((feature, i) => [feature, cells[i]]));
      const species = targetNames[cells[4]];
      if (species === undefined) throw new Error(`iris: unknown class in line ${line}`);
      return { ...record, species };
    });
    return { targetNames, records };
  },
};
