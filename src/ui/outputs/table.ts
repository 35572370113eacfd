/**
 * A table output (`application/vnd.dataresource+json`, the Frictionless Data Resource
 * shape pandas uses in Jupyter) turned into what the table component draws.
 */
import { NUMERIC_FIELD_TYPES } from '../../protocol/table';
import { formatValue } from './format';

export interface TableColumn {
  name: string;
  /** Numbers are right-aligned so their digits line up. */
  numeric: boolean;
}

export interface TableCell {
  text: string;
  /** null/undefined: drawn as a muted dash so it is not mistaken for a value. */
  missing: boolean;
}

export interface TableView {
  columns: TableColumn[];
  rows: TableCell[][];
  /** Rows in the whole table; more than `rows.length` when the kernel sent a head. */
  totalRows: number;
  caption?: string;
}

type Row = Record<string, unknown> | unknown[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldsOf(data: Record<string, unknown>, rows: Row[]): { name: string; type?: string }[] {
  const schema = data.schema;
  if (isRecord(schema) && Array.isArray(schema.fields)) {
    return schema.fields.filter(isRecord).map((field) => ({
      name: String(field.name),
      type: typeof field.type === 'string' ? field.type : undefined,
    }));
  }
  // No schema: take the columns of the first row (its keys, or positions for arrays).
  const first = rows[0];
  if (Array.isArray(first)) return first.map((_, i) => ({ name: String(i) }));
  return first ? Object.keys(first).map((name) => ({ name })) : [];
}

/** @param locale writes numbers with its decimal mark (e.g. `navigator.language`) */
export function tableView(data: unknown, locale?: string): TableView | undefined {
  if (!isRecord(data) || !Array.isArray(data.data)) return undefined;
  const rows = data.data.filter((row): row is Row => isRecord(row) || Array.isArray(row));
  const fields = fieldsOf(data, rows);
  const valueAt = (row: Row, index: number): unknown =>
    Array.isArray(row) ? row[index] : row[fields[index].name];

  const columns = fields.map((field, index) => ({
    name: field.name,
    numeric: field.type
      ? NUMERIC_FIELD_TYPES.has(field.type)
      : rows.some((row) => typeof valueAt(row, index) === 'number') &&
        rows.every((row) => {
          const value = valueAt(row, index);
          return value === null || value === undefined || typeof value === 'number';
        }),
  }));

  const meta = isRecord(data.playgrad) ? data.playgrad : {};
  const totalRows =
    typeof meta.totalRows === 'number' && meta.totalRows >= rows.length
      ? meta.totalRows
      : rows.length;
  const caption =
    [meta.caption, data.title, data.name].find((c): c is string => typeof c === 'string') ??
    undefined;

  return {
    columns,
    rows: rows.map((row) =>
      fields.map((_, index) => {
        const value = valueAt(row, index);
        const missing = value === null || value === undefined;
        return { text: missing ? '—' : formatValue(value, locale), missing };
      }),
    ),
    totalRows,
    caption,
  };
}

/** 'showing 20 of 442 rows', or '442 rows' when every row is shown. */
export function rowCountLabel(shown: number, total: number): string {
  const noun = total === 1 ? 'row' : 'rows';
  return shown < total ? `showing ${shown} of ${total} ${noun}` : `${total} ${noun}`;
}
