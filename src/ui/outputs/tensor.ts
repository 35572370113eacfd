/**
 * A tensor output (`application/vnd.playgrad.tensor+json`, made by src/lib/tensor.ts):
 * a header such as 'Tensor float32 [3, 2]', then a grid for rank ≤ 2 or nested brackets
 * above. `values` is nested like `arraySync()`; when `truncated`, each axis holds only its
 * leading entries (a corner of a big matrix), and '…' marks what was left out. Flat
 * row-major values are accepted too, for producers that send them.
 */
import type { TensorJson } from '../../protocol/tensor';
import { formatValue } from './format';

const MORE = '…';

export function tensorHeader(tensor: TensorJson): string {
  return `Tensor ${tensor.dtype} [${tensor.shape.join(', ')}]${tensor.disposed ? ' (disposed)' : ''}`;
}

function valueText(value: unknown, dtype: string): string {
  // tfjs reports bool tensors as 0/1.
  if (dtype === 'bool' && typeof value === 'number') return value ? 'true' : 'false';
  return formatValue(value);
}

/** Nested values, reshaping flat row-major data when that is what was sent. */
function nested(tensor: TensorJson): unknown {
  const { shape, values } = tensor;
  if (shape.length < 2 || !Array.isArray(values) || values.some(Array.isArray)) return values;
  const build = (axis: number, offset: number): unknown[] => {
    const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const items: unknown[] = [];
    for (let i = 0; i < shape[axis] && offset + i * stride < values.length; i++) {
      items.push(
        axis === shape.length - 1 ? values[offset + i] : build(axis + 1, offset + i * stride),
      );
    }
    return items;
  };
  return build(0, 0);
}

/** How many values were sent. */
export function sentValues(tensor: TensorJson): number {
  const values = tensor.values;
  if (values === undefined) return 0;
  return Array.isArray(values) ? values.flat(Infinity).length : 1;
}

/** Whether some values were left out (flag set, or fewer values than elements). */
export function isTruncated(tensor: TensorJson): boolean {
  return !tensor.disposed && (tensor.truncated === true || sentValues(tensor) < tensor.size);
}

/** The cells of one row, with '…' when the row was cut short. */
function rowCells(row: unknown, length: number, dtype: string): string[] {
  const items = Array.isArray(row) ? row : [row];
  const cells = items.map((value) => valueText(value, dtype));
  return items.length < length ? [...cells, MORE] : cells;
}

/**
 * Rank 0 → one cell, rank 1 → one row, rank 2 → rows; a last row of '…' when rows were
 * left out. Undefined above rank 2, and when there are no values (disposed).
 */
export function tensorGrid(tensor: TensorJson): string[][] | undefined {
  const { shape, dtype } = tensor;
  if (shape.length > 2 || tensor.values === undefined || tensor.disposed) return undefined;
  const values = nested(tensor);
  if (shape.length === 0) return [[valueText(values, dtype)]];
  if (shape.length === 1) return shape[0] === 0 ? [] : [rowCells(values, shape[0], dtype)];
  const rows = Array.isArray(values) ? values : [];
  const grid = rows.map((row) => rowCells(row, shape[1], dtype));
  if (rows.length < shape[0]) grid.push([MORE]);
  return grid;
}

/** Nested brackets, numpy-style, with '…' where entries were left out. */
export function tensorText(tensor: TensorJson): string {
  const { shape, dtype } = tensor;
  if (tensor.values === undefined || tensor.disposed) return '';
  const render = (node: unknown, axis: number, indent: string): string => {
    if (!Array.isArray(node)) return valueText(node, dtype);
    const parts = node.map((child) => render(child, axis + 1, indent + ' '));
    if (node.length < shape[axis]) parts.push(MORE);
    const innermost = axis >= shape.length - 1;
    const blankLines = '\n'.repeat(Math.max(0, shape.length - axis - 2));
    return `[${parts.join(innermost ? ', ' : `,\n${blankLines}${indent} `)}]`;
  };
  return render(nested(tensor), 0, '');
}
