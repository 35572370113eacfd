/**
 * `datasets.fromCsv(text, options)`: a learner's own CSV in the same shape as a shipped
 * dataset. The choices it makes are the ones a careful analyst would, and it says which in
 * the dataset's description:
 * - the target is `options.target`, or the last column;
 * - the task is classification when the target is text, or whole numbers with at most
 *   10 distinct values; regression otherwise (`options.task` overrides);
 * - a text feature with 2 values becomes one 0/1 column (`sex_male`: categories sorted, 1 for
 *   the second), with 3 to 20 values one-hot columns (`island_Dream`); a text column with more
 *   distinct values (names, ids) stays out of X but stays in `rows`;
 * - the delimiter (comma, semicolon, tab, pipe) and a decimal comma (`3,14`) are detected,
 *   or forced with `options.delimiter` / `options.decimal`.
 */
import type { CategoricalEncoding, DatasetInfo, DatasetTask } from './dataset-catalog';
import { encodedNames, tableToDataset, type DatasetData } from './dataset-table';
import { CsvFormatError, parseCsv, type CsvTable } from './csv';
import { describeDialect, type CsvDialectOptions } from './csv-dialect';

export interface FromCsvOptions extends CsvDialectOptions {
  /** Names the dataset (and the file in error messages). Default 'my-data'. */
  name?: string;
  /** The column to predict. Default: the last column. */
  target?: string;
  /** Overrides the guess from the target's values. */
  task?: DatasetTask;
}

const MAX_CATEGORIES = 20;
const MAX_CLASSES_FOR_NUMBERS = 10;

/**
 * @throws Error naming the row for a malformed CSV (`row 4 has 2 fields, expected 3 …`), or a
 *   row without a target value; naming the columns for an unknown target
 */
export function csvToDataset(text: string, options: FromCsvOptions = {}): DatasetData {
  const name = options.name ?? 'my-data';
  let table: CsvTable;
  try {
    table = parseCsv(text, name, { delimiter: options.delimiter, decimal: options.decimal });
  } catch (error) {
    if (error instanceof CsvFormatError)
      throw new Error(`Could not read the CSV: ${error.message}`);
    throw error;
  }
  const target = options.target ?? table.columns[table.columns.length - 1];
  if (!table.columns.includes(target)) {
    throw new Error(
      `${name}: there is no column "${target}" to predict; the columns are ${table.columns.join(', ')}`,
    );
  }
  const targetValues = table.records.map((record) => record[target]);
  const task = options.task ?? guessTask(targetValues);
  const encodings: CategoricalEncoding[] = [];
  const features: string[] = [];
  const dropped: string[] = [];
  for (const column of table.columns) {
    if (column === target) continue;
    if (table.numericColumns.has(column)) {
      features.push(column);
      continue;
    }
    const categories = sortedDistinct(table.records.map((record) => record[column]));
    if (categories.length > MAX_CATEGORIES) {
      dropped.push(column);
      continue;
    }
    const kind = categories.length <= 2 ? 'binary' : 'one-hot';
    // A column with a single value still gets a (constant) binary column: it is data.
    const encoding: CategoricalEncoding = {
      column,
      kind,
      categories: kind === 'binary' && categories.length < 2 ? [...categories, ''] : categories,
    };
    encodings.push(encoding);
    features.push(...encodedNames(encoding));
  }
  const info: DatasetInfo = {
    name,
    file: name,
    title: name,
    description: describe(table, target, task, encodings, dropped),
    source: 'a CSV file loaded with datasets.fromCsv',
    license: 'unknown',
    task,
    target,
    features,
    encodings,
    ...(task === 'classification' ? { targetNames: sortedDistinct(targetValues) } : {}),
    rows: table.records.length,
  };
  return tableToDataset(info, table, (why) => new Error(`${name}: ${why}`));
}

function guessTask(values: (string | number | null)[]): DatasetTask {
  const present = values.filter((value) => value !== null);
  if (present.some((value) => typeof value === 'string')) return 'classification';
  const wholeNumbers = present.every((value) => Number.isInteger(value));
  return wholeNumbers && new Set(present).size <= MAX_CLASSES_FOR_NUMBERS
    ? 'classification'
    : 'regression';
}

/** Distinct non-empty values as text: numbers in numeric order, text alphabetically. */
function sortedDistinct(values: (string | number | null)[]): string[] {
  const present = [...new Set(values.filter((value) => value !== null))];
  if (present.every((value) => typeof value === 'number')) {
    return (present as number[]).sort((a, b) => a - b).map(String);
  }
  return present.map(String).sort();
}

function describe(
  table: CsvTable,
  target: string,
  task: DatasetTask,
  encodings: CategoricalEncoding[],
  dropped: string[],
): string {
  const parts = [
    `${table.records.length} rows (read as ${describeDialect(table.dialect)}); predicting "${target}" (${task}).`,
  ];
  for (const { column, kind, categories } of encodings) {
    parts.push(`"${column}" is ${kind}-encoded (${categories.filter(Boolean).join(', ')}).`);
  }
  if (dropped.length > 0) {
    parts.push(`Not in X (too many distinct values): ${dropped.join(', ')}.`);
  }
  return parts.join(' ');
}
