// scikit-learn's bundled tables (wine, breast cancer) share one layout: a header
// "rows,features,class names…", then rows of feature values ending in the class index.
import { join } from 'node:path';
import { PYTHON_PACKAGES, readText } from './table-files.mjs';

export const SKLEARN_DATA = 'sklearn/datasets/data';

/**
 * @param {string} root the unpacked python3-sklearn package
 * @param {string} file e.g. 'wine_data.csv'
 * @param {string[]} features column names for the feature values
 * @param {string} target the name of the class column
 * @param {(className: string) => string} [renameClass]
 */
export function readSklearnClassTable(root, file, features, target, renameClass = (n) => n) {
  const path = join(root, PYTHON_PACKAGES, SKLEARN_DATA, file);
  const [header, ...lines] = readText(path).trim().split('\n');
  const [rowCount, featureCount, ...classNames] = header.trim().split(',');
  if (Number(featureCount) !== features.length || lines.length !== Number(rowCount)) {
    throw new Error(`${file}: header says ${rowCount} × ${featureCount}, expected ${features.length}`);
  }
  const targetNames = classNames.map(renameClass);
  const records = lines.map((line, row) => {
    const cells = line.split(',').map(Number);
    if (cells.length !== features.length + 1 || cells.some((cell) => !Number.isFinite(cell))) {
      throw new Error(`${file}: line ${row + 2} is not ${features.length + 1} numbers`);
    }
    const record = Object.fromEntries(features.map((feature, i) => [feature, cells[i]]));
    const className = targetNames[cells[features.length]];
    if (className === undefined) throw new Error(`${file}: line ${row + 2} has an unknown class`);
    return { ...record, [target]: className };
  });
  return { records, targetNames };
}
