// datasets.load for the tables added with the ML track: shapes, first rows checked against the
// source files, class counts (published with each dataset), encodings and missing values.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setKernelContext } from '../../../src/lib/context';
import { load } from '../../../src/lib/datasets';
import { installSite } from './site-stub';

afterEach(() => {
  vi.unstubAllGlobals();
  setKernelContext(undefined);
});

const classCounts = (y: number[], classes: number) =>
  Array.from({ length: classes }, (_, c) => y.filter((label) => label === c).length);

describe('load penguins', () => {
  it('encodes island one-hot and sex as sex_male, keeping text in rows', async () => {
    installSite();
    const penguins = await load('penguins');
    expect(penguins.featureNames).toEqual([
      'bill_length_mm',
      'bill_depth_mm',
      'flipper_length_mm',
      'body_mass_g',
      'island_Biscoe',
      'island_Dream',
      'island_Torgersen',
      'sex_male',
    ]);
    expect(penguins.X).toHaveLength(344);
    // vega-datasets penguins.json, first object: Adelie, Torgersen, 39.1, 18.7, 181, 3750, MALE.
    expect(penguins.X[0]).toEqual([39.1, 18.7, 181, 3750, 0, 0, 1, 1]);
    expect(penguins.X[1]).toEqual([39.5, 17.4, 186, 3800, 0, 0, 1, 0]);
    expect(penguins.rows[0]).toEqual({
      species: 'Adelie',
      island: 'Torgersen',
      bill_length_mm: 39.1,
      bill_depth_mm: 18.7,
      flipper_length_mm: 181,
      body_mass_g: 3750,
      sex: 'male',
    });
    expect(penguins.targetNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(classCounts(penguins.y, 3)).toEqual([152, 68, 124]);
  });

  it('keeps missing measurements and sexes as null (the "." sex too)', async () => {
    installSite();
    const penguins = await load('penguins');
    // The fourth penguin (Adelie, Torgersen) was not measured.
    expect(penguins.X[3]).toEqual([null, null, null, null, 0, 0, 1, null]);
    expect(penguins.rows[3].sex).toBeNull();
    const missingMass = penguins.X.filter((row) => row[3] === null).length;
    const missingSex = penguins.rows.filter((row) => row.sex === null).length;
    expect(missingMass).toBe(2);
    expect(missingSex).toBe(11);
    expect(penguins.X.filter((row) => row[7] === null)).toHaveLength(11);
    // Every penguin is on exactly one island.
    expect(penguins.X.every((row) => row[4]! + row[5]! + row[6]! === 1)).toBe(true);
  });
});

describe('load wine and breast-cancer', () => {
  it('loads wine: 178 × 13, three cultivars', async () => {
    installSite();
    const wine = await load('wine');
    expect(wine.featureNames).toHaveLength(13);
    expect(wine.featureNames[12]).toBe('proline');
    expect(wine.X[0]).toEqual([
      14.23, 1.71, 2.43, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065,
    ]);
    expect(wine.targetNames).toEqual(['class_0', 'class_1', 'class_2']);
    expect(classCounts(wine.y, 3)).toEqual([59, 71, 48]);
  });

  it('loads breast-cancer: 569 × 30, malignant = 0 and benign = 1 as in scikit-learn', async () => {
    installSite();
    const cancer = await load('breast-cancer');
    expect(cancer.X).toHaveLength(569);
    expect(cancer.featureNames.slice(0, 2)).toEqual(['mean_radius', 'mean_texture']);
    expect(cancer.featureNames[29]).toBe('worst_fractal_dimension');
    expect(cancer.X[0].slice(0, 4)).toEqual([17.99, 10.38, 122.8, 1001]);
    expect(cancer.X[0][29]).toBe(0.1189);
    expect(cancer.targetNames).toEqual(['malignant', 'benign']);
    expect(cancer.y[0]).toBe(0);
    expect(classCounts(cancer.y, 2)).toEqual([212, 357]);
  });
});

describe('load titanic', () => {
  it('gives sex_male, age and class 1–3, with 263 unknown ages', async () => {
    installSite();
    const titanic = await load('titanic');
    expect(titanic.featureNames).toEqual(['sex_male', 'age', 'class']);
    expect(titanic.X).toHaveLength(1309);
    // carData TitanicSurvival: Allen, Miss. Elisabeth Walton, yes, female, 29, 1st.
    expect(titanic.X[0]).toEqual([0, 29, 1]);
    expect(titanic.X[1]).toEqual([1, 0.9167, 1]);
    expect(titanic.rows[1]).toEqual({
      name: 'Allison, Master. Hudson Trevor',
      survived: 'yes',
      sex: 'male',
      age: 0.9167,
      class: '1st',
    });
    expect(titanic.targetNames).toEqual(['no', 'yes']);
    expect(classCounts(titanic.y, 2)).toEqual([809, 500]);
    expect(titanic.X.filter((row) => row[1] === null)).toHaveLength(263);
    const byClass = [1, 2, 3].map((c) => titanic.X.filter((row) => row[2] === c).length);
    expect(byClass).toEqual([323, 277, 709]);
  });
});
