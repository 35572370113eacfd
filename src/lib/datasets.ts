/**
 * `datasets.list()` and `datasets.load(name)`: the course's small tables, fetched from the
 * site itself (`<baseUrl>datasets/`), described by `datasets/catalog.json`.
 *
 * Each load returns a fresh deep copy: learners mutate arrays (shuffle, push, normalise in
 * place), and one cell doing so must not change what another cell loads. A frozen object would
 * instead throw inside their code. The fetch and the parse happen once per file.
 */
import { kernelContext } from './context';
import { CsvFormatError, parseCsv, type CsvRecord, type CsvTable } from './csv';

export type DatasetTask = 'regression' | 'classification';

/** One entry of `datasets/catalog.json`. */
export interface DatasetInfo {
  name: string;
  /** File name under `datasets/`. */
  file: string;
  title: string;
  description: string;
  source: string;
  license: string;
  task: DatasetTask;
  /** The target column. */
  target: string;
  /** The feature columns, in the order of `X`'s columns. */
  features: string[];
  /** Class names (classification): `y[i]` indexes this list. */
  targetNames?: string[];
  rows: number;
}

export interface Dataset {
  name: string;
  title: string;
  description: string;
  source: string;
  license: string;
  task: DatasetTask;
  featureNames: string[];
  targetName: string;
  /** Class names (classification): `y[i]` indexes this list. */
  targetNames?: string[];
  /** Features, one row per record, columns as `featureNames`. A missing value is `null`. */
  X: (number | null)[][];
  /** Regression: the target value. Classification: the class index into `targetNames`. */
  y: number[];
  /** The records as in the file (numbers as numbers, empty cells as null), for tables. */
  rows: CsvRecord[];
}

const catalogCache = new Map<string, Promise<DatasetInfo[]>>();
const datasetCache = new Map<string, Promise<Dataset>>();

/**
 * The datasets the course ships, as listed in `datasets/catalog.json`.
 * @example
 * import { datasets } from 'playgrad';
 * const all = await datasets.list();
 * all.map((d) => `${d.name}: ${d.rows} rows, ${d.task}`);
 */
export async function list(): Promise<DatasetInfo[]> {
  return structuredClone(await loadCatalog(catalogUrl()));
}

/**
 * Loads a dataset by name: features `X`, target `y`, and the raw `rows` for tables.
 * Every call returns a fresh copy, so changing its arrays never affects another load.
 * @throws Error `Unknown dataset "x". Available: …`, or when the file cannot be fetched or read
 * @example
 * import { datasets } from 'playgrad';
 * const iris = await datasets.load('iris');
 * iris.X.length; // 150
 * iris.featureNames; // ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']
 * iris.targetNames?.[iris.y[0]]; // 'setosa'
 */
export async function load(name: string): Promise<Dataset> {
  const catalog = await loadCatalog(catalogUrl());
  const info = catalog.find((entry) => entry.name === name);
  if (!info) {
    const available = catalog.map((entry) => entry.name).join(', ');
    throw new Error(`Unknown dataset ${JSON.stringify(name)}. Available: ${available}`);
  }
  const url = new URL(`datasets/${encodeURIComponent(info.file)}`, kernelContext().baseUrl).href;
  return structuredClone(await cached(datasetCache, url, () => fetchDataset(info, url)));
}

function catalogUrl(): string {
  return new URL('datasets/catalog.json', kernelContext().baseUrl).href;
}

/** Memoises a load by URL; a failed load is forgotten so that a retry fetches again. */
function cached<T>(cache: Map<string, Promise<T>>, url: string, make: () => Promise<T>) {
  let promise = cache.get(url);
  if (!promise) {
    promise = make();
    cache.set(url, promise);
    promise.catch(() => cache.delete(url));
  }
  return promise;
}

function loadCatalog(url: string): Promise<DatasetInfo[]> {
  return cached(catalogCache, url, async () => {
    const text = await fetchText(url, 'the dataset catalog');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`The dataset catalog ${url} is not valid JSON: ${messageOf(error)}`);
    }
    if (!Array.isArray(json)) throw new Error(`The dataset catalog ${url} is not a JSON array`);
    return json.map((entry: unknown, index) => parseCatalogEntry(entry, `${url} [${index}]`));
  });
}

async function fetchText(url: string, what: string): Promise<string> {
  const fail = (why: string) => new Error(`Could not load ${what} from ${url}: ${why}`);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw fail(messageOf(error));
  }
  if (!response.ok) throw fail(`${response.status} ${response.statusText}`.trim());
  const text = await response.text();
  // Dev servers answer a missing file with the app's index.html and status 200.
  if (/^\s*<(!doctype|html)/i.test(text)) {
    throw fail('the server sent an HTML page instead (is the file missing?)');
  }
  return text;
}

async function fetchDataset(info: DatasetInfo, url: string): Promise<Dataset> {
  const text = await fetchText(url, `dataset ${JSON.stringify(info.name)}`);
  let table: CsvTable;
  try {
    table = parseCsv(text, url);
  } catch (error) {
    if (error instanceof CsvFormatError) {
      throw new Error(`Dataset ${JSON.stringify(info.name)} is malformed: ${error.message}`);
    }
    throw error;
  }
  return toDataset(info, table, url);
}

function toDataset(info: DatasetInfo, table: CsvTable, url: string): Dataset {
  const problem = (why: string) =>
    new Error(`Dataset ${JSON.stringify(info.name)} (${url}): ${why}`);
  for (const column of [...info.features, info.target]) {
    if (!table.columns.includes(column)) {
      throw problem(`no column "${column}"; the file has ${table.columns.join(', ')}`);
    }
  }
  for (const feature of info.features) {
    if (!table.numericColumns.has(feature)) {
      throw problem(`feature "${feature}" is not numeric; encode it as numbers in the file`);
    }
  }
  // Checked above: every feature column is numeric, so its cells are numbers or null.
  const X = table.records.map((record) => info.features.map((f) => record[f] as number | null));
  const targetNames =
    info.task === 'classification'
      ? (info.targetNames ?? distinct(table.records.map((r) => r[info.target])))
      : undefined;
  const y = table.records.map((record, index) => {
    const value = record[info.target];
    const row = table.rowNumbers[index];
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

function distinct(values: (string | number | null)[]): string[] {
  const names = values.filter((value) => value !== null).map(String);
  return [...new Set(names)];
}

function parseCatalogEntry(entry: unknown, where: string): DatasetInfo {
  const bad = (why: string) => new Error(`Invalid dataset catalog entry ${where}: ${why}`);
  if (typeof entry !== 'object' || entry === null) throw bad('not an object');
  const field = (key: string): unknown => (entry as Record<string, unknown>)[key];
  const text = (key: string): string => {
    const value = field(key);
    if (typeof value !== 'string' || value === '') throw bad(`"${key}" must be a non-empty string`);
    return value;
  };
  const texts = (key: string): string[] => {
    const value = field(key);
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw bad(`"${key}" must be a list of strings`);
    }
    return value;
  };
  const task = field('task');
  if (task !== 'regression' && task !== 'classification') {
    throw bad(`"task" must be "regression" or "classification"`);
  }
  const rows = field('rows');
  if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 0) {
    throw bad(`"rows" must be a whole number`);
  }
  return {
    name: text('name'),
    file: text('file'),
    title: text('title'),
    description: text('description'),
    source: text('source'),
    license: text('license'),
    task,
    target: text('target'),
    features: texts('features'),
    ...(field('targetNames') === undefined ? {} : { targetNames: texts('targetNames') }),
    rows,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
