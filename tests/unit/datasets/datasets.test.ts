import { afterEach, describe, expect, it, vi } from 'vitest';
import { setKernelContext } from '../../../src/lib/context';
import { list, load } from '../../../src/lib/datasets';
import { installSite } from './site-stub';

afterEach(() => {
  vi.unstubAllGlobals();
  setKernelContext(undefined);
});

const IRIS_FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
const DIABETES_FEATURES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];

describe('load', () => {
  it('loads iris: 150 × 4 features, species as class indices', async () => {
    installSite();
    const iris = await load('iris');
    expect(iris.task).toBe('classification');
    expect(iris.featureNames).toEqual(IRIS_FEATURES);
    expect(iris.targetName).toBe('species');
    expect(iris.targetNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(iris.X).toHaveLength(150);
    expect(iris.X.every((row) => row.length === 4)).toBe(true);
    expect(iris.X[0]).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(iris.X[149]).toEqual([5.9, 3.0, 5.1, 1.8]);
    expect(iris.y).toHaveLength(150);
    expect([iris.y[0], iris.y[50], iris.y[100]]).toEqual([0, 1, 2]);
    // 50 flowers of each species, in file order.
    expect([0, 1, 2].map((c) => iris.y.filter((label) => label === c).length)).toEqual([50, 50, 50]);
    expect(iris.rows[0]).toEqual({
      sepal_length: 5.1,
      sepal_width: 3.5,
      petal_length: 1.4,
      petal_width: 0.2,
      species: 'setosa',
    });
    expect(iris.license).toContain('BSD-3-Clause');
  });

  it('loads diabetes: 442 × 10 raw features, progression as the target', async () => {
    installSite();
    const diabetes = await load('diabetes');
    expect(diabetes.task).toBe('regression');
    expect(diabetes.featureNames).toEqual(DIABETES_FEATURES);
    expect(diabetes.targetName).toBe('progression');
    expect(diabetes.targetNames).toBeUndefined();
    expect(diabetes.X).toHaveLength(442);
    expect(diabetes.X[0]).toEqual([59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87]);
    expect(diabetes.y.slice(0, 3)).toEqual([151, 75, 141]);
    expect(diabetes.y).toHaveLength(442);
    expect(diabetes.X.flat().every((value) => typeof value === 'number')).toBe(true);
    // Raw, unscaled: ages are in years (sklearn's default copy is mean-centred).
    const ages = diabetes.X.map((row) => row[0] ?? NaN);
    expect(Math.min(...ages)).toBe(19);
    expect(Math.max(...ages)).toBe(79);
    expect(diabetes.rows[0]).toMatchObject({ age: 59, s5: 4.8598, progression: 151 });
  });

  it('returns a fresh copy each time and fetches the file only once', async () => {
    const site = installSite();
    const first = await load('iris');
    first.X[0][0] = 999;
    first.y.length = 0;
    first.rows.pop();
    first.targetNames?.push('rose');
    const second = await load('iris');
    expect(second.X[0][0]).toBe(5.1);
    expect(second.y).toHaveLength(150);
    expect(second.rows).toHaveLength(150);
    expect(second.targetNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(site.requests.filter((url) => url.endsWith('/iris.csv'))).toHaveLength(1);
    expect(site.requests.filter((url) => url.endsWith('/catalog.json'))).toHaveLength(1);
  });

  it('fetches from the base URL, which may be a sub-path', async () => {
    const site = installSite();
    await load('diabetes');
    expect(site.requests).toEqual([
      `${site.baseUrl}datasets/catalog.json`,
      `${site.baseUrl}datasets/diabetes.csv`,
    ]);
  });

  it('names the available datasets when the name is unknown', async () => {
    installSite();
    await expect(load('irs')).rejects.toThrow('Unknown dataset "irs". Available: diabetes, iris, penguins, wine');
  });

  it('reports an HTTP failure with the URL and the status, and retries on the next call', async () => {
    const site = installSite({ 'iris.csv': 404 });
    await expect(load('iris')).rejects.toThrow(
      `Could not load dataset "iris" from ${site.baseUrl}datasets/iris.csv: 404 Not Found`,
    );
    await expect(load('iris')).rejects.toThrow('404 Not Found');
    expect(site.requests.filter((url) => url.endsWith('/iris.csv'))).toHaveLength(2);
  });

  it('reports a network error', async () => {
    const site = installSite();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(load('iris')).rejects.toThrow(
      `Could not load the dataset catalog from ${site.baseUrl}datasets/catalog.json: Failed to fetch`,
    );
  });

  it('recognises the HTML page a dev server sends for a missing file', async () => {
    installSite({ 'iris.csv': '<!doctype html><html><body>app</body></html>' });
    await expect(load('iris')).rejects.toThrow('the server sent an HTML page instead');
  });

  it('gives the row number of a malformed CSV', async () => {
    const broken = 'sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,setosa\n4.9,3\n';
    const site = installSite({ 'iris.csv': broken });
    await expect(load('iris')).rejects.toThrow(
      `Dataset "iris" is malformed: ${site.baseUrl}datasets/iris.csv: row 3 has 2 fields, expected 5`,
    );
  });

  it('keeps missing values as null in X and rows', async () => {
    const catalog = [
      {
        name: 'tiny',
        file: 'tiny.csv',
        title: 'Tiny',
        description: 'Two features with gaps',
        source: 'test',
        license: 'CC0',
        task: 'classification',
        target: 'kind',
        features: ['a', 'b'],
        rows: 3,
      },
    ];
    installSite({
      'catalog.json': JSON.stringify(catalog),
      'tiny.csv': 'a,b,kind,note\n1,,cat,x\n,2.5,dog,\n3,4,cat,z\n',
    });
    const tiny = await load('tiny');
    expect(tiny.X).toEqual([
      [1, null],
      [null, 2.5],
      [3, 4],
    ]);
    // Without targetNames in the catalog, classes are numbered in order of first appearance.
    expect(tiny.targetNames).toEqual(['cat', 'dog']);
    expect(tiny.y).toEqual([0, 1, 0]);
    expect(tiny.rows[1]).toEqual({ a: null, b: 2.5, kind: 'dog', note: null });
  });

  it('explains a catalog that does not match its file', async () => {
    const entry = {
      name: 'tiny',
      file: 'tiny.csv',
      title: 'Tiny',
      description: 'd',
      source: 's',
      license: 'CC0',
      task: 'regression',
      target: 'y',
      features: ['a', 'b'],
      rows: 2,
    };
    installSite({ 'catalog.json': JSON.stringify([entry]), 'tiny.csv': 'a,y\n1,2\n' });
    await expect(load('tiny')).rejects.toThrow('no column "b"; the file has a, y');

    installSite({ 'catalog.json': JSON.stringify([entry]), 'tiny.csv': 'a,b,y\n1,red,2\n' });
    await expect(load('tiny')).rejects.toThrow('feature "b" is not numeric');

    installSite({ 'catalog.json': JSON.stringify([entry]), 'tiny.csv': 'a,b,y\n1,2,3\n\n4,5,\n' });
    await expect(load('tiny')).rejects.toThrow('row 4 has no "y" value');

    const classified = { ...entry, task: 'classification', targetNames: ['low', 'high'] };
    installSite({ 'catalog.json': JSON.stringify([classified]), 'tiny.csv': 'a,b,y\n1,2,mid\n' });
    await expect(load('tiny')).rejects.toThrow('row 2: class "mid" is not one of low, high');
  });

  it('needs a kernel context', async () => {
    setKernelContext(undefined);
    await expect(load('iris')).rejects.toThrow('only work inside a Playgrad kernel');
  });
});

describe('list', () => {
  it('returns the catalog entries', async () => {
    installSite();
    const entries = await list();
    expect(entries.map((entry) => entry.name)).toEqual([
      'diabetes',
      'iris',
      'penguins',
      'wine',
      'breast-cancer',
      'titanic',
      'churn',
      'digits',
      'mnist',
      'fashion-mnist',
    ]);
    const iris = entries.find((entry) => entry.name === 'iris');
    expect(iris).toMatchObject({
      file: 'iris.csv',
      task: 'classification',
      target: 'species',
      features: IRIS_FEATURES,
      targetNames: ['setosa', 'versicolor', 'virginica'],
      rows: 150,
    });
  });

  it('returns a copy that the caller may change', async () => {
    installSite();
    const entries = await list();
    entries[0].features.push('extra');
    entries.pop();
    const again = await list();
    expect(again).toHaveLength(10);
    expect(again[0].features).not.toContain('extra');
  });

  it('rejects an invalid catalog with the field at fault', async () => {
    const site = installSite({ 'catalog.json': JSON.stringify([{ name: 'x', task: 'clustering' }]) });
    await expect(list()).rejects.toThrow(
      `Invalid dataset catalog entry ${site.baseUrl}datasets/catalog.json [0]: "task" must be`,
    );
    installSite({ 'catalog.json': '{"not": "a list"}' });
    await expect(list()).rejects.toThrow('is not a JSON array');
    installSite({ 'catalog.json': '[{' });
    await expect(list()).rejects.toThrow('is not valid JSON');
  });
});
