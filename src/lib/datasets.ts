/**
 * `datasets.list()`, `datasets.load(name)` and `datasets.fromCsv(text)`: the course's data,
 * fetched from the site itself (`<baseUrl>datasets/`), described by `datasets/catalog.json`.
 * Tables are CSV files; image sets are gzipped bytes (see datasets/README.md).
 *
 * Each load returns a fresh deep copy: learners mutate arrays (shuffle, push, normalise in
 * place), and one cell doing so must not change what another cell loads. A frozen object would
 * instead throw inside their code. The fetch and the parse happen once per file.
 */
import { kernelContext } from './context';
import { CsvFormatError, parseCsv, type CsvRecord } from './csv';
import { parseCatalogEntry, type DatasetInfo } from './dataset-catalog';
import { csvToDataset, type FromCsvOptions } from './dataset-csv';
import { gunzipIfNeeded, imagesToDataset } from './dataset-images';
import { tableToDataset, type DatasetData } from './dataset-table';
import { datasetTensors, type DatasetTensors } from './dataset-tensors';

export type { CategoricalEncoding, DatasetInfo, DatasetTask } from './dataset-catalog';
export type { DatasetTensors } from './dataset-tensors';
export type { FromCsvOptions } from './dataset-csv';

export interface Dataset {
  name: string;
  title: string;
  description: string;
  source: string;
  license: string;
  task: DatasetInfo['task'];
  /**
   * The columns of `X`. A text column appears encoded: `island_Biscoe` (one-hot: 1 or 0),
   * `sex_male` (binary: 1 male, 0 female) or `class` (ordinal codes); see the description.
   * Image sets: `pixel0`, `pixel1`, … row by row.
   */
  featureNames: string[];
  targetName: string;
  /** Class names (classification): `y[i]` indexes this list. */
  targetNames?: string[];
  /** Features, one row per record, columns as `featureNames`. A missing value is `null`. */
  X: (number | null)[][];
  /** Regression: the target value. Classification: the class index into `targetNames`. */
  y: number[];
  /**
   * The records as in the file (numbers as numbers, text as text, empty cells as null).
   * Image sets: one record per image with its class name (and `split`), not its pixels.
   */
  rows: CsvRecord[];
  /** Image sets: `[height, width, channels]`; each row of `X` is one image, pixels 0–1. */
  imageShape?: [number, number, number];
  /** Image sets shipped with a train/test split: the row indices of each part. */
  split?: { train: number[]; test: number[] };
  /**
   * `X` and `y` as they are now, as tfjs tensors: X `[n, features]` (image sets
   * `[n, h, w, c]`), y float32; a missing value becomes NaN. Dispose them when done.
   */
  toTensors(): DatasetTensors;
}

const catalogCache = new Map<string, Promise<DatasetInfo[]>>();
// Tables cache their parsed data (cloned per load); image sets cache their bytes, from which
// each load builds fresh arrays (faster than cloning 10 million numbers).
const datasetCache = new Map<string, Promise<DatasetData | Uint8Array>>();

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
  const loaded = await cached(datasetCache, url, () => fetchDataset(info, url));
  if (loaded instanceof Uint8Array) {
    const problem = (why: string) =>
      new Error(`Dataset ${JSON.stringify(info.name)} (${url}): ${why}`);
    const { data, untouchedPixels } = imagesToDataset(info, loaded, problem);
    // Object.assign, not a spread: a spread would read (and so build) the lazy X.
    const dataset: Dataset = Object.assign(data, {
      toTensors: () => {
        const pixels = untouchedPixels();
        return datasetTensors(
          pixels ? undefined : dataset.X,
          dataset.y,
          dataset.imageShape,
          pixels,
        );
      },
    });
    return dataset;
  }
  return withTensors(structuredClone(loaded));
}

/**
 * Reads a learner's CSV text (e.g. from `inputs.file`) into the same shape as `load` returns.
 * The target is `options.target` or the last column; text features are encoded (2 values:
 * one 0/1 column, up to 20: one-hot; more: left out of X) and the description says how.
 * The delimiter (comma, semicolon, tab, pipe) and a decimal comma (`3,14`) are detected;
 * `options.delimiter` / `options.decimal` force them.
 * @throws Error naming the row of a malformed line, or the columns for an unknown target
 * @example
 * import { datasets } from 'playgrad';
 * const mine = datasets.fromCsv('height,sex,kind\n1.2,male,a\n3.4,female,b\n');
 * mine.featureNames; // ['height', 'sex_male']
 * mine.X; // [[1.2, 1], [3.4, 0]]
 * mine.targetNames; // ['a', 'b']
 */
export function fromCsv(text: string, options: FromCsvOptions = {}): Dataset {
  return withTensors(csvToDataset(text, options));
}

function withTensors(data: DatasetData): Dataset {
  const dataset: Dataset = {
    ...data,
    toTensors: () => datasetTensors(dataset.X, dataset.y, dataset.imageShape),
  };
  return dataset;
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

async function fetchResponse(url: string, what: string): Promise<Response> {
  const fail = (why: string) => new Error(`Could not load ${what} from ${url}: ${why}`);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw fail(messageOf(error));
  }
  if (!response.ok) throw fail(`${response.status} ${response.statusText}`.trim());
  return response;
}

async function fetchText(url: string, what: string): Promise<string> {
  const text = await (await fetchResponse(url, what)).text();
  const fail = (why: string) => new Error(`Could not load ${what} from ${url}: ${why}`);
  // Dev servers answer a missing file with the app's index.html and status 200.
  if (/^\s*<(!doctype|html)/i.test(text)) {
    throw fail('the server sent an HTML page instead (is the file missing?)');
  }
  return text;
}

async function fetchDataset(info: DatasetInfo, url: string): Promise<DatasetData | Uint8Array> {
  const what = `dataset ${JSON.stringify(info.name)}`;
  if (info.imageShape) {
    const response = await fetchResponse(url, what);
    // Checked against the catalog by imagesToDataset on each load.
    return gunzipIfNeeded(await response.arrayBuffer());
  }
  const text = await fetchText(url, what);
  let table;
  try {
    // The shipped files are plain comma CSVs: no guessing about the course's own data.
    table = parseCsv(text, url, { delimiter: ',', decimal: '.' });
  } catch (error) {
    if (error instanceof CsvFormatError) {
      throw new Error(`Dataset ${JSON.stringify(info.name)} is malformed: ${error.message}`);
    }
    throw error;
  }
  return tableToDataset(
    info,
    table,
    (why) => new Error(`Dataset ${JSON.stringify(info.name)} (${url}): ${why}`),
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
