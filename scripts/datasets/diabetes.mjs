// Diabetes: 442 patients, 10 baseline measurements, disease progression one year later.
// We ship the raw (unscaled) values: learners see real units and do the scaling themselves.
import { join } from 'node:path';
import { PYTHON_PACKAGES, readNumberTable } from './table-files.mjs';

const DATA_DIR = 'sklearn/datasets/data';
const FEATURES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];

/** @type {import('./dataset-module.mjs').DatasetModule} */
export default {
  name: 'diabetes',
  file: 'diabetes.csv',
  title: 'Diabetes progression',
  description:
    '442 diabetes patients: age (years), sex (1 or 2), body mass index, average blood ' +
    'pressure and six blood serum measurements (s1 total cholesterol, s2 LDL, s3 HDL, ' +
    's4 total/HDL cholesterol, s5 log triglycerides, s6 blood sugar), and a quantitative ' +
    'measure of disease progression one year after baseline. Raw values, not scaled.',
  origin: 'Efron, Hastie, Johnstone and Tibshirani (2004), "Least Angle Regression"',
  debianPackage: 'python3-sklearn',
  sourceFile: `${DATA_DIR}/diabetes_data_raw.csv.gz, diabetes_target.csv.gz`,
  license: 'BSD-3-Clause (scikit-learn)',
  task: 'regression',
  target: 'progression',
  features: FEATURES,
  expect: {
    rows: 442,
    firstRecord: {
      age: 59,
      sex: 2,
      bmi: 32.1,
      bp: 101,
      s1: 157,
      s2: 93.2,
      s3: 38,
      s4: 4,
      s5: 4.8598,
      s6: 87,
      progression: 151,
    },
  },

  build(root) {
    const data = readNumberTable(join(root, PYTHON_PACKAGES, DATA_DIR, 'diabetes_data_raw.csv.gz'));
    const target = readNumberTable(join(root, PYTHON_PACKAGES, DATA_DIR, 'diabetes_target.csv.gz'));
    if (data.length !== target.length) {
      throw new Error(`diabetes: ${data.length} data rows but ${target.length} targets`);
    }
    const records = data.map((cells, row) => {
      if (cells.length !== FEATURES.length) {
        throw new Error(`diabetes: row ${row + 1} has ${cells.length} values`);
      }
      const record = Object.fromEntries(FEATURES.map((feature, i) => [feature, cells[i]]));
      return { ...record, progression: target[row][0] };
    });
    return { records };
  },
};
