/**
 * `table()`: rows of data shown as a table (the Frictionless tabular-data-resource
 * format Jupyter uses), with a text and an HTML fallback.
 */
import type { MimeBundle } from '../protocol/messages';
import { MIME } from '../protocol/messages';
import { NUMERIC_FIELD_TYPES } from '../protocol/table';
import type { FieldType, TableField, TableResource } from '../protocol/table';
import { MIMEBUNDLE, type Displayable } from './displayable';
import { formatValue } from './format';

export type { FieldType, TableField, TableResource };

export interface TableOptions {
  /** Column names: the order to show (records), or the names of array columns. */
  columns?: string[];
  /** Rows shown; the rest are counted. Default 20. */
  maxRows?: number;
  /** A title above the table. */
  caption?: string;
}

export const DEFAULT_MAX_ROWS = 20;
/** Text cells longer than this are cut, so one long string does not hide the rest. */
const MAX_CELL_CHARS = 40;

/** A cell value that survives structured cloning and JSON: primitives, or their text. */
function cellValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return value.toISOString();
  return formatValue(value);
}

function fieldType(values: readonly unknown[]): FieldType {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) return 'any';
  if (present.every((value) => typeof value === 'number')) {
    return present.every((value) => Number.isInteger(value)) ? 'integer' : 'number';
  }
  if (present.every((value) => typeof value === 'string')) return 'string';
  if (present.every((value) => typeof value === 'boolean')) return 'boolean';
  return 'any';
}

function toRecords(
  data: readonly unknown[],
  columns: string[] | undefined,
): { names: string[]; records: Record<string, unknown>[] } {
  if (data.every((row) => Array.isArray(row))) {
    const arrays = data as unknown[][];
    const width = arrays.reduce((max, row) => Math.max(max, row.length), 0);
    const names = columns ?? Array.from({ length: width }, (_, i) => String(i));
    const records = arrays.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]])));
    return { names, records };
  }
  const records = data.map((row, index) => {
    if (typeof row !== 'object' || row === null) {
      throw new TypeError(
        `table() needs objects or arrays as rows; row ${index} is ${String(row)}`,
      );
    }
    return row as Record<string, unknown>;
  });
  // Without `columns`, every key that appears in some row, in order of appearance.
  const names = columns ?? [...new Set(records.flatMap((record) => Object.keys(record)))];
  return { names, records };
}

export class Table implements Displayable {
  readonly columns: string[];
  /** Every row, with every column (missing values as null). */
  readonly rows: Record<string, unknown>[];
  readonly fields: TableField[];

  constructor(
    data: readonly unknown[],
    private readonly options: TableOptions = {},
  ) {
    const { names, records } = toRecords(data, options.columns);
    this.columns = names;
    this.fields = names.map((name) => ({
      name,
      type: fieldType(records.map((record) => record[name])),
    }));
    this.rows = records.map((record) =>
      Object.fromEntries(names.map((name) => [name, cellValue(record[name])])),
    );
  }

  private get shownRows(): Record<string, unknown>[] {
    return this.rows.slice(0, this.options.maxRows ?? DEFAULT_MAX_ROWS);
  }

  [MIMEBUNDLE](): MimeBundle {
    const resource: TableResource = {
      schema: { fields: this.fields.map((field) => ({ ...field })) },
      data: this.shownRows,
      playgrad: { totalRows: this.rows.length },
    };
    if (this.options.caption !== undefined) resource.playgrad.caption = this.options.caption;
    return { [MIME.table]: resource, [MIME.text]: this.toText(), [MIME.html]: this.toHtml() };
  }

  private hiddenNote(): string | undefined {
    const hidden = this.rows.length - this.shownRows.length;
    return hidden > 0 ? `… ${hidden} more rows (${this.rows.length} in all)` : undefined;
  }

  /** Aligned columns: numbers to the right, text to the left, empty for null. */
  toText(): string {
    const text = (value: unknown): string => {
      const raw = value === null ? '' : String(value);
      return raw.length > MAX_CELL_CHARS ? `${raw.slice(0, MAX_CELL_CHARS - 1)}…` : raw;
    };
    const cells = this.shownRows.map((row) => this.columns.map((name) => text(row[name])));
    const widths = this.columns.map((name, i) =>
      cells.reduce((max, row) => Math.max(max, row[i].length), name.length),
    );
    const numeric = this.fields.map((field) => NUMERIC_FIELD_TYPES.has(field.type));
    const line = (row: string[]): string =>
      row
        .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    const lines = [line(this.columns), widths.map((width) => '-'.repeat(width)).join('  ')];
    lines.push(...cells.map(line));
    if (this.options.caption) lines.unshift(this.options.caption);
    const note = this.hiddenNote();
    if (note) lines.push(note);
    return lines.join('\n');
  }

  toHtml(): string {
    const head = this.columns.map((name) => `<th>${escapeHtml(name)}</th>`).join('');
    const body = this.shownRows
      .map((row) => {
        const tds = this.columns.map((name) => {
          const value = row[name];
          return `<td>${value === null ? '' : escapeHtml(String(value))}</td>`;
        });
        return `<tr>${tds.join('')}</tr>`;
      })
      .join('');
    const caption = this.options.caption
      ? `<caption>${escapeHtml(this.options.caption)}</caption>`
      : '';
    const note = this.hiddenNote();
    const foot = note
      ? `<tfoot><tr><td colspan="${this.columns.length}">${escapeHtml(note)}</td></tr></tfoot>`
      : '';
    return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table>`;
  }
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Shows rows of data as a table: a list of objects (one per row), or a list of
 * number rows with column names.
 *
 * @example
 * table([
 *   { name: 'Ada', score: 0.91 },
 *   { name: 'Alan', score: 0.87 },
 * ])
 *
 * @example
 * table([[1, 2], [3, 4]], { columns: ['x', 'y'] })
 */
export function table(
  data: readonly Record<string, unknown>[] | readonly (readonly unknown[])[],
  options?: TableOptions,
): Table {
  if (!Array.isArray(data)) throw new TypeError('table() needs an array of rows');
  return new Table(data, options);
}
