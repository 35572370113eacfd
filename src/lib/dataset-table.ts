/**
 * Turns a parsed CSV table into a dataset's arrays: `X` from the feature columns (text
 * columns encoded as the catalog says), `y` from the target (class names → indices).
 */
import type { CategoricalEncoding, DatasetInfo } from './dataset-catalog';
import type { CsvCell, CsvRecord, CsvTable } from './csv';

/** A dataset's data, before `toTensors` is attached (plain data: it can be cloned). */
export interface DatasetData {
  name: string;
  title: string;
  description: string;
  source: string;
  license: string;
  task: DatasetInfo['task'];
  featureNames: string[];
  targetName: string;
  targetNames?: string[];
  X: (number | null)[][];
  y: number[];
  rows: CsvRecord[];
  imageShape?: [number, number, number];
  split?: { train: number[]; test: number[] };
}

type FeatureReader = (record: CsvRecord) => number | null;

/** The column names an encoding adds to X, in order. */
export function encodedNames(encoding: CategoricalEncoding): string[] {
  const { column, kind, categories } = encoding;
  if (kind === 'one-hot') return categories.map((category) => `${column}_${category}`);
  if (kind === 'binary') return [`${column}_${categories[1]}`];
  return [column];
}

/**
 * @param problem makes the error for a file that does not match its description
 * @throws from `problem` for a missing column, a text feature without an encoding, a text
 *   value outside an encoding's categories, or a missing or unknown target
 */
export function tableToDataset(
  info: DatasetInfo,
  table: CsvTable,
  problem: (why: string) => Error,
): DatasetData {
  const readers = info.features.map((feature) => featureReader(feature, info, table, problem));
  const rowOf = (index: number) => table.rowNumbers[index];
  const X = table.records.map((record, index) =>
    readers.map((read) => {
      try {
        return read(record);
      } catch (error) {
        throw problem(`row ${rowOf(index)}: ${error instanceof Error ? error.message : error}`);
      }
    }),
  );
  if (!table.columns.includes(info.target)) {
    throw problem(`no column "${info.target}"; the file has ${table.columns.join(', ')}`);
  }
  const targetNames =
    info.task === 'classification'
      ? (info.targetNames ?? distinct(table.records.map((r) => r[info.target])))
      : undefined;
  const y = table.records.map((record, index) => {
    const value = record[info.target];
    const row = rowOf(index);
    if (value === null) throw problem(`row ${row} has no "${info.target}" value`);
    if (!targetNames) {
      if (typeof value !== 'number') throw problem(`row ${row}: target "${value}" is not a number`);
      return value;
    }
    const classIndex = targetNames.indexOf(String(value));
    if (classIndex < 0) {
      throw problem(`row ${row}: class "${value}" is not one of ${targetNames.join(', ')}`);
    }
    return classIndex;
  });
  return {
    name: info.name,
    title: info.title,
    description: info.description,
    source: info.source,
    license: info.license,
    task: info.task,
    featureNames: [...info.features],
    targetName: info.target,
    ...(targetNames ? { targetNames: [...targetNames] } : {}),
    X,
    y,
    rows: table.records,
  };
}

function featureReader(
  feature: string,
  info: DatasetInfo,
  table: CsvTable,
  problem: (why: string) => Error,
): FeatureReader {
  const encoding = info.encodings?.find((e) => encodedNames(e).includes(feature));
  if (encoding) {
    if (!table.columns.includes(encoding.column)) {
      throw problem(`no column "${encoding.column}"; the file has ${table.columns.join(', ')}`);
    }
    return encodedReader(encoding, feature);
  }
  if (!table.columns.includes(feature)) {
    throw problem(`no column "${feature}"; the file has ${table.columns.join(', ')}`);
  }
  if (!table.numericColumns.has(feature)) {
    throw problem(`feature "${feature}" is not numeric; encode it as numbers in the file`);
  }
  // A numeric column's cells are numbers or null.
  return (record) => record[feature] as number | null;
}

function encodedReader(encoding: CategoricalEncoding, feature: string): FeatureReader {
  const { column, kind, categories, codes } = encoding;
  const indexOf = (cell: CsvCell): number | null => {
    if (cell === null) return null;
    const index = categories.indexOf(String(cell));
    if (index < 0) {
      throw new Error(`"${column}" is "${cell}", not one of ${categories.join(', ')}`);
    }
    return index;
  };
  if (kind === 'one-hot') {
    const wanted = categories.findIndex((category) => `${column}_${category}` === feature);
    return (record) => {
      const index = indexOf(record[column]);
      return index === null ? null : Number(index === wanted);
    };
  }
  if (kind === 'binary') return (record) => indexOf(record[column]);
  return (record) => {
    const index = indexOf(record[column]);
    return index === null ? null : (codes?.[index] ?? index);
  };
}

function distinct(values: CsvCell[]): string[] {
  const names = values.filter((value) => value !== null).map(String);
  return [...new Set(names)];
}
