/**
 * The table payload (`application/vnd.dataresource+json`, the Frictionless tabular data
 * resource Jupyter uses) as src/lib/table.ts makes it. The UI (src/ui/outputs/table.ts)
 * reads it, and also the looser resources other producers send (no schema, array rows).
 */

/** Frictionless Table Schema field types. */
export type FieldType = 'number' | 'integer' | 'string' | 'boolean' | 'any';

export interface TableField {
  name: string;
  type: FieldType;
}

/** The JSON in `application/vnd.dataresource+json`. */
export interface TableResource {
  schema: { fields: TableField[] };
  data: Record<string, unknown>[];
  playgrad: { totalRows: number; caption?: string };
}

/** Field types whose values are numbers (right-aligned in the page and in text). */
export const NUMERIC_FIELD_TYPES: ReadonlySet<string> = new Set<FieldType>(['number', 'integer']);
