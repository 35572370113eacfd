// Titanic: 1,309 passengers, who survived, with sex, age and class. Read from R's carData.
import { join } from 'node:path';
import { readLazyLoadDataFrame } from './r-lazy-load.mjs';

/** @type {import('./dataset-module.mjs').DatasetModule} */
export default {
  name: 'titanic',
  file: 'titanic.csv',
  title: 'Titanic passengers',
  description:
    'The 1,309 passengers of the Titanic (April 1912; crew not included): name, whether they ' +
    'survived (500 yes, 809 no), sex, age in years (fractions for infants; missing for 263 ' +
    'passengers) and passenger class (1st, 2nd, 3rd). In X, sex is the 0/1 column sex_male ' +
    'and class the ordinal column class (1, 2 or 3, in that order of ticket price); age ' +
    'stays missing (null) where unknown. rows keep the text and the names.',
  origin: 'Frank Harrell, Vanderbilt University (titanic3), as TitanicSurvival in R carData',
  debianPackage: 'r-cran-cardata',
  sourceFile: 'usr/lib/R/site-library/carData/data/Rdata.rdb (TitanicSurvival)',
  license: 'GPL-2+ (R package carData); the data are historical records',
  task: 'classification',
  target: 'survived',
  columns: ['name', 'survived', 'sex', 'age', 'class'],
  features: ['sex_male', 'age', 'class'],
  encodings: [
    { column: 'sex', kind: 'binary', categories: ['female', 'male'] },
    { column: 'class', kind: 'ordinal', categories: ['1st', '2nd', '3rd'], codes: [1, 2, 3] },
  ],
  expect: {
    rows: 1309,
    firstRecord: {
      name: 'Allen, Miss. Elisabeth Walton',
      survived: 'yes',
      sex: 'female',
      age: 29,
      class: '1st',
    },
  },

  build(root) {
    const packageDir = join(root, 'usr/lib/R/site-library/carData');
    const { columns, rowNames } = readLazyLoadDataFrame(packageDir, 'TitanicSurvival');
    const records = rowNames.map((name, i) => ({
      name,
      survived: columns.survived[i],
      sex: columns.sex[i],
      // R stores 11 months as 0.916700006 (a float32 artefact): four decimals are what was meant.
      age: columns.age[i] === null ? null : Math.round(columns.age[i] * 1e4) / 1e4,
      class: columns.passengerClass[i],
    }));
    return { records, targetNames: ['no', 'yes'] };
  },
};
