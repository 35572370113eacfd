/**
 * Which separator and decimal mark a CSV file uses. Spreadsheets in much of Europe save
 * "CSV" as `a;b` with `3,14` for 3.14 (the comma being the decimal mark), and tab- or
 * pipe-separated exports are common; reading those with commas gives one wide text column.
 */
import { dsvFormat } from 'd3-dsv';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
export type CsvDecimalMark = '.' | ',';

export interface CsvDialect {
  delimiter: CsvDelimiter;
  decimal: CsvDecimalMark;
}

/** Forces either choice instead of detecting it. */
export interface CsvDialectOptions {
  delimiter?: CsvDelimiter;
  decimal?: CsvDecimalMark;
}

/** In preference order for ties: the plain comma first. */
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

const DELIMITER_NAMES: Record<CsvDelimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

// Enough lines to judge a file by without re-reading a large one four times.
const SAMPLE_CHARS = 64_000;
const SAMPLE_ROWS = 50;

const DOT_DECIMAL = /^[-+]?\d*\.\d+([eE][-+]?\d+)?$/;
const COMMA_DECIMAL = /^[-+]?\d*,\d+([eE][-+]?\d+)?$/;

/** "semicolon-separated, decimal comma": how a dataset description says what was read. */
export function describeDialect({ delimiter, decimal }: CsvDialect): string {
  return `${DELIMITER_NAMES[delimiter]}-separated, decimal ${decimal === ',' ? 'comma' : 'point'}`;
}

/**
 * Detects the delimiter as the candidate under which most of the first rows have as many
 * fields as the header (more fields, then the order comma, semicolon, tab, pipe break ties;
 * a header of one field does not count), with quotes respected. The decimal mark is a comma
 * when the delimiter is not, some field is a number written like `3,14`, and no field is one
 * written like `3.14`.
 * @throws Error for an option value that is not a known delimiter or decimal mark
 * @example
 * detectCsvDialect('a;b\n3,14;2\n'); // { delimiter: ';', decimal: ',' }
 */
export function detectCsvDialect(text: string, options: CsvDialectOptions = {}): CsvDialect {
  checkOptions(options);
  const truncated = text.length > SAMPLE_CHARS;
  const sample = text.slice(0, SAMPLE_CHARS);
  const rowsBy = (delimiter: CsvDelimiter): string[][] => {
    const rows = dsvFormat(delimiter)
      .parseRows(sample)
      .filter((cells) => !(cells.length <= 1 && (cells[0] ?? '').trim() === ''));
    // The sample's last row may be cut in the middle.
    return (truncated ? rows.slice(0, -1) : rows).slice(0, SAMPLE_ROWS);
  };
  const delimiter = options.delimiter ?? bestDelimiter(rowsBy);
  const decimal =
    options.decimal ?? (delimiter !== ',' && usesDecimalComma(rowsBy(delimiter)) ? ',' : '.');
  return { delimiter, decimal };
}

function bestDelimiter(rowsBy: (delimiter: CsvDelimiter) => string[][]): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; matching: number; fields: number } | undefined;
  for (const delimiter of CSV_DELIMITERS) {
    const [header, ...rows] = rowsBy(delimiter);
    if (!header || header.length < 2) continue;
    const matching = rows.filter((cells) => cells.length === header.length).length;
    if (
      !best ||
      matching > best.matching ||
      (matching === best.matching && header.length > best.fields)
    ) {
      best = { delimiter, matching, fields: header.length };
    }
  }
  return best?.delimiter ?? ',';
}

function usesDecimalComma(rows: string[][]): boolean {
  const fields = rows
    .slice(1)
    .flat()
    .map((cell) => cell.trim());
  return (
    fields.some((cell) => COMMA_DECIMAL.test(cell)) &&
    !fields.some((cell) => DOT_DECIMAL.test(cell))
  );
}

function checkOptions({ delimiter, decimal }: CsvDialectOptions): void {
  if (delimiter !== undefined && !CSV_DELIMITERS.includes(delimiter)) {
    throw new Error(
      `delimiter ${JSON.stringify(delimiter)} is not one of ${CSV_DELIMITERS.map((d) => JSON.stringify(d)).join(', ')}`,
    );
  }
  if (decimal !== undefined && decimal !== '.' && decimal !== ',') {
    throw new Error(`decimal ${JSON.stringify(decimal)} is not "." or ","`);
  }
}
