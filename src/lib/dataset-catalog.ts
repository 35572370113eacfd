/**
 * The shape of `datasets/catalog.json` and its validation: one entry per dataset, written by
 * scripts/prepare-datasets.mjs. Checked field by field so a broken catalog names the culprit.
 */
export type DatasetTask = 'regression' | 'classification';

/**
 * How a text column becomes numbers in `X`:
 * - `one-hot`: one 0/1 column per category, named `<column>_<category>`;
 * - `binary`: one 0/1 column `<column>_<categories[1]>` (1 means `categories[1]`);
 * - `ordinal`: one column `<column>` holding `codes[i]` (default `i`) for `categories[i]`.
 * A missing text value gives `null` in every column it feeds.
 */
export interface CategoricalEncoding {
  column: string;
  kind: 'one-hot' | 'binary' | 'ordinal';
  categories: string[];
  codes?: number[];
}

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
  /** The columns of `X`, in order (image sets: `pixel0`, `pixel1`, …). */
  features: string[];
  /** Class names (classification): `y[i]` indexes this list. */
  targetNames?: string[];
  /** Text columns encoded as numbers in `X`. */
  encodings?: CategoricalEncoding[];
  /** Image sets: `[height, width, channels]`; the file holds bytes, not CSV. */
  imageShape?: [number, number, number];
  /** Image sets: the byte value that means full intensity (X = byte / pixelMax). */
  pixelMax?: number;
  /** Image sets shipped with a split: the first `train` rows train, the next `test` rows test. */
  split?: { train: number; test: number };
  rows: number;
}

export function parseCatalogEntry(entry: unknown, where: string): DatasetInfo {
  const bad = (why: string) => new Error(`Invalid dataset catalog entry ${where}: ${why}`);
  if (typeof entry !== 'object' || entry === null) throw bad('not an object');
  const field = (key: string): unknown => (entry as Record<string, unknown>)[key];
  const text = (key: string): string => {
    const value = field(key);
    if (typeof value !== 'string' || value === '') throw bad(`"${key}" must be a non-empty string`);
    return value;
  };
  const texts = (key: string, value = field(key)): string[] => {
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw bad(`"${key}" must be a list of strings`);
    }
    return value;
  };
  const wholeNumber = (key: string, value = field(key)): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw bad(`"${key}" must be a whole number`);
    }
    return value;
  };
  const task = field('task');
  if (task !== 'regression' && task !== 'classification') {
    throw bad(`"task" must be "regression" or "classification"`);
  }
  const rows = wholeNumber('rows');
  const imageShape = optionalImageShape(field('imageShape'), bad);
  const info: DatasetInfo = {
    name: text('name'),
    file: text('file'),
    title: text('title'),
    description: text('description'),
    source: text('source'),
    license: text('license'),
    task,
    target: text('target'),
    features: imageShape ? pixelNames(imageShape) : texts('features'),
    rows,
  };
  if (field('targetNames') !== undefined) info.targetNames = texts('targetNames');
  if (field('encodings') !== undefined) info.encodings = parseEncodings(field('encodings'), bad);
  if (imageShape) {
    info.imageShape = imageShape;
    info.pixelMax = wholeNumber('pixelMax');
    const split = field('split');
    if (split !== undefined) {
      if (typeof split !== 'object' || split === null) throw bad('"split" must be an object');
      const counts = split as Record<string, unknown>;
      info.split = {
        train: wholeNumber('split.train', counts.train),
        test: wholeNumber('split.test', counts.test),
      };
      if (info.split.train + info.split.test !== rows) throw bad('"split" must add up to "rows"');
    }
  }
  return info;
}

function optionalImageShape(
  value: unknown,
  bad: (why: string) => Error,
): [number, number, number] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    !value.every((n) => typeof n === 'number' && Number.isInteger(n) && n > 0)
  ) {
    throw bad('"imageShape" must be [height, width, channels]');
  }
  return [value[0], value[1], value[2]];
}

function parseEncodings(value: unknown, bad: (why: string) => Error): CategoricalEncoding[] {
  if (!Array.isArray(value)) throw bad('"encodings" must be a list');
  return value.map((item: unknown, i) => {
    const where = `"encodings"[${i}]`;
    if (typeof item !== 'object' || item === null) throw bad(`${where} must be an object`);
    const { column, kind, categories, codes } = item as Record<string, unknown>;
    if (typeof column !== 'string') throw bad(`${where}.column must be a string`);
    if (kind !== 'one-hot' && kind !== 'binary' && kind !== 'ordinal') {
      throw bad(`${where}.kind must be "one-hot", "binary" or "ordinal"`);
    }
    if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string')) {
      throw bad(`${where}.categories must be a list of strings`);
    }
    if (kind === 'binary' && categories.length !== 2) {
      throw bad(`${where}: a binary encoding needs exactly 2 categories`);
    }
    const encoding: CategoricalEncoding = { column, kind, categories };
    if (codes !== undefined) {
      if (
        !Array.isArray(codes) ||
        codes.length !== categories.length ||
        !codes.every((c) => typeof c === 'number')
      ) {
        throw bad(`${where}.codes must be one number per category`);
      }
      encoding.codes = codes;
    }
    return encoding;
  });
}

/** Feature names of an image set: `pixel0` … `pixel<h·w·c − 1>`, in X's column order. */
export function pixelNames([height, width, channels]: [number, number, number]): string[] {
  return Array.from({ length: height * width * channels }, (_, i) => `pixel${i}`);
}
