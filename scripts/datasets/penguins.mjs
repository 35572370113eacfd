// Palmer penguins: 344 penguins of three species on three islands, with gaps to deal with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MEASURES = {
  bill_length_mm: 'Beak Length (mm)',
  bill_depth_mm: 'Beak Depth (mm)',
  flipper_length_mm: 'Flipper Length (mm)',
  body_mass_g: 'Body Mass (g)',
};
const ISLANDS = ['Biscoe', 'Dream', 'Torgersen'];

/** @type {import('./dataset-module.mjs').DatasetModule} */
export default {
  name: 'penguins',
  file: 'penguins.csv',
  title: 'Palmer penguins',
  description:
    '344 penguins observed on three islands of the Palmer Archipelago, Antarctica: species ' +
    '(Adelie 152, Chinstrap 68, Gentoo 124), island, bill length and depth (mm), flipper ' +
    'length (mm), body mass (g) and sex. Two penguins have no measurements and eleven no sex: ' +
    'those cells are missing (null); one sex recorded as "." in the source is also missing. ' +
    'In X the island is one-hot encoded (island_Biscoe, island_Dream, island_Torgersen: 1 for ' +
    'the penguin\'s island, 0 otherwise) and sex is one 0/1 column, sex_male (null when ' +
    'unknown); rows keep the text.',
  origin: 'Gorman, Williams and Fraser (2014), Palmer Station LTER; palmerpenguins (Horst et al.)',
  npmPackage: 'vega-datasets@3.2.1',
  sourceFile: 'data/penguins.json',
  license: 'CC0-1.0',
  task: 'classification',
  target: 'species',
  columns: ['species', 'island', ...Object.keys(MEASURES), 'sex'],
  features: [...Object.keys(MEASURES), ...ISLANDS.map((i) => `island_${i}`), 'sex_male'],
  encodings: [
    { column: 'island', kind: 'one-hot', categories: ISLANDS },
    { column: 'sex', kind: 'binary', categories: ['female', 'male'] },
  ],
  targetNames: ['Adelie', 'Chinstrap', 'Gentoo'],
  expect: {
    rows: 344,
    firstRecord: {
      species: 'Adelie',
      island: 'Torgersen',
      bill_length_mm: 39.1,
      bill_depth_mm: 18.7,
      flipper_length_mm: 181,
      body_mass_g: 3750,
      sex: 'male',
    },
  },

  build(root) {
    const penguins = JSON.parse(readFileSync(join(root, 'data/penguins.json'), 'utf8'));
    const records = penguins.map((penguin) => {
      const measures = Object.entries(MEASURES).map(([name, key]) => [name, penguin[key] ?? null]);
      const sex = penguin.Sex === 'MALE' ? 'male' : penguin.Sex === 'FEMALE' ? 'female' : null;
      return {
        species: penguin.Species,
        island: penguin.Island,
        ...Object.fromEntries(measures),
        sex,
      };
    });
    return { records, targetNames: this.targetNames };
  },
};
