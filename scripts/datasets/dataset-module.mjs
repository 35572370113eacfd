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
 * @property {string} debianPackage Debian package that holds the source file(s)
 * @property {string} sourceFile path(s) inside that package
 * @property {string} license
 * @property {'regression' | 'classification'} task
 * @property {string} target the target column
 * @property {string[]} features the feature columns, in order
 * @property {{ rows: number, firstRecord: DatasetRecord }} expect checked on every run, so a
 *   changed upstream file cannot slip into the committed data unnoticed
 * @property {(root: string) => { records: DatasetRecord[], targetNames?: string[] }} build
 *   reads the unpacked package under `root` and returns the rows to write
 */

/**
 * Builds one dataset: its CSV columns and records, and its catalog entry.
 * @param {DatasetModule} module
 * @param {{ root: string, version: string }} unpacked the extracted Debian package
 */
export function buildDataset(module, unpacked) {
  const { records, targetNames } = module.build(unpacked.root);
  const columns = [...module.features, module.target];
  checkExpectations(module, columns, records);
  const entry = {
    name: module.name,
    file: module.file,
    title: module.title,
    description: module.description,
    source:
      `${module.origin}; ${module.sourceFile} from Debian package ` +
      `${module.debianPackage} ${unpacked.version}`,
    license: module.license,
    task: module.task,
    target: module.target,
    features: module.features,
    ...(targetNames ? { targetNames } : {}),
    rows: records.length,
  };
  return { columns, records, entry };
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
