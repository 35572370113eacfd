/**
 * CSV parsing for datasets: d3-dsv splits the text, this module checks its shape and types
 * the cells. d3-dsv alone is lenient (a short row just lacks keys), which would turn a broken
 * file into silent `undefined`s deep inside a learner's model; here it fails with the row.
 */
import { dsvFormat } from 'd3-dsv';
import { detectCsvDialect, type CsvDialect, type CsvDialectOptions } from './csv-dialect';

/** A parsed cell: a number in a numeric column, text otherwise, null when the cell is empty. */
export type CsvCell = string | number | null;
export type CsvRecord = Record<string, CsvCell>;

export interface CsvTable {
  /** Header names, in file order. */
  columns: string[];
  /** One object per data row, keyed by column name. */
  records: CsvRecord[];
  /** Columns whose every non-empty cell is a number (their cells are `number | null`). */
  numericColumns: Set<string>;
  /** The file row of each record (the header is row 1), for error messages. */
  rowNumbers: number[];
  /** The delimiter and decimal mark the file was read with (detected unless forced). */
  dialect: CsvDialect;
}

/** A CSV that cannot be read as a table; `row` counts the header as row 1 (0: whole file). */
export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

// Plain decimal or scientific notation only: Number() would also accept '0x1F', 'Infinity'
// and ' ', none of which a data file means as a number.
const NUMBER_PATTERN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DECIMAL_COMMA_NUMBER_PATTERN = /^[-+]?(\d+,?\d*|,\d+)([eE][-+]?\d+)?$/;

const isBlank = (cell: string): boolean => cell.trim() === '';

/**
 * Parses CSV text with a header row into typed records: empty cells become `null`, and a
 * column whose non-empty cells are all numbers holds numbers. Blank lines are skipped.
 * The delimiter (comma, semicolon, tab, pipe) and decimal mark are detected (see
 * `detectCsvDialect`) unless `options` forces them; `dialect` in the result says which.
 * @param text the file's contents
 * @param source names the file in error messages, e.g. its URL
 * @param options forces the delimiter and/or the decimal mark
 * @throws CsvFormatError for a missing or duplicate header name, or a row whose number of
 *   fields differs from the header's (the message gives the row number)
 * @example
 * const table = parseCsv('x,label\n1.5,a\n,b\n', 'demo.csv');
 * table.records; // [{ x: 1.5, label: 'a' }, { x: null, label: 'b' }]
 */
export function parseCsv(text: string, source = 'CSV', options: CsvDialectOptions = {}): CsvTable {
  const withoutBom = text.replace(/^\uFEFF/, '');
  const dialect = detectCsvDialect(withoutBom, options);
  const rows = dsvFormat(dialect.delimiter).parseRows(withoutBom);
  const header = rows[0];
  if (!header || header.every(isBlank)) {
    throw new CsvFormatError(`${source}: the file is empty (no header row)`, 0);
  }
  const columns = checkHeader(header, source);

  const cellRows: { row: number; cells: string[] }[] = [];
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.every(isBlank) && cells.length <= 1) return;
    if (cells.length !== columns.length) {
      throw new CsvFormatError(
        `${source}: row ${row} has ${cells.length} field${cells.length === 1 ? '' : 's'}, ` +
          `expected ${columns.length} (${columns.join(', ')}); the header is row 1`,
        row,
      );
    }
    cellRows.push({ row, cells });
  });

  const numberPattern = dialect.decimal === ',' ? DECIMAL_COMMA_NUMBER_PATTERN : NUMBER_PATTERN;
  const toNumber = (cell: string): number =>
    Number(dialect.decimal === ',' ? cell.trim().replace(',', '.') : cell);
  const numericColumns = new Set(
    columns.filter((_, j) =>
      cellRows.every(({ cells }) => isBlank(cells[j]) || numberPattern.test(cells[j].trim())),
    ),
  );
  const records = cellRows.map(({ cells }) => {
    const record: CsvRecord = {};
    columns.forEach((column, j) => {
      const cell = cells[j];
      if (isBlank(cell)) record[column] = null;
      else record[column] = numericColumns.has(column) ? toNumber(cell) : cell;
    });
    return record;
  });
  return {
    columns,
    records,
    numericColumns,
    rowNumbers: cellRows.map(({ row }) => row),
    dialect,
  };
}

function checkHeader(header: string[], source: string): string[] {
  const columns = header.map((name) => name.trim());
  const seen = new Set<string>();
  columns.forEach((name, j) => {
    if (name === '') {
      throw new CsvFormatError(`${source}: column ${j + 1} of the header (row 1) has no name`, 1);
    }
    if (seen.has(name)) {
      throw new CsvFormatError(`${source}: the header (row 1) names "${name}" twice`, 1);
    }
    seen.add(name);
  });
  return columns;
}
