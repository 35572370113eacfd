/**
 * How a tfjs tensor displays, without importing tfjs.
 *
 * The helpers must not pull tfjs into every bundle that formats a value, and a cell may
 * use a different tfjs instance than the kernel, so tensors are recognised by shape
 * (duck typing), not by `instanceof`.
 */
import type { MimeBundle } from '../protocol/messages';
import { MIME } from '../protocol/messages';
import type { TensorJson } from '../protocol/tensor';
import { numberText, shortestFloat32 } from './numbers';

export type { TensorJson };

/** The part of a tf.Tensor the display code reads. */
export interface TensorLike {
  shape: number[];
  dtype: string;
  isDisposed: boolean;
  dataSync(): ArrayLike<unknown>;
}

/** At most this many numbers go into the JSON a renderer receives. */
export const TENSOR_JSON_LIMIT = 1000;
/** The text form is for reading at a glance, so it shows fewer. */
const TENSOR_TEXT_LIMIT = 120;

export function isTensorLike(value: unknown): value is TensorLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    Array.isArray(candidate.shape) &&
    typeof candidate.dtype === 'string' &&
    typeof candidate.dataSync === 'function' &&
    typeof candidate.isDisposed === 'boolean'
  );
}

/** "Tensor float32 [2, 3]": what a tensor is, in one line. */
export function tensorSummary(tensor: TensorLike): string {
  const disposed = tensor.isDisposed ? ' (disposed)' : '';
  return `Tensor ${tensor.dtype} [${tensor.shape.join(', ')}]${disposed}`;
}

export function tensorBundle(tensor: TensorLike): MimeBundle {
  const shape = [...tensor.shape];
  const size = shape.reduce((product, dim) => product * dim, 1);
  const json: TensorJson = { shape, dtype: tensor.dtype, size };
  if (tensor.isDisposed) {
    json.disposed = true;
    const text = `${tensorSummary(tensor)}: its memory was freed, so its values are gone.`;
    return { [MIME.tensor]: json, [MIME.text]: text };
  }
  const data = Array.from(tensor.dataSync(), (value) => cleanValue(value, tensor.dtype));
  const jsonLimits = axisLimits(shape, TENSOR_JSON_LIMIT);
  json.values = nest(data, shape, jsonLimits);
  if (jsonLimits.some((limit, axis) => limit < shape[axis])) json.truncated = true;
  const textLimits = axisLimits(shape, TENSOR_TEXT_LIMIT);
  const body = nestedText(data, shape, textLimits, tensor.dtype);
  return { [MIME.tensor]: json, [MIME.text]: `${tensorSummary(tensor)}\n${body}` };
}

function cleanValue(value: unknown, dtype: string): unknown {
  if (typeof value === 'number' && dtype === 'float32') return shortestFloat32(value);
  return value;
}

/**
 * How many leading entries to keep along each axis so that at most `budget` values are
 * kept: the longest axis is halved until the product fits, so a 100×100 matrix keeps a
 * 25×25 corner rather than 10 whole rows.
 */
export function axisLimits(shape: readonly number[], budget: number): number[] {
  const limits = [...shape];
  const product = (): number => limits.reduce((acc, dim) => acc * dim, 1);
  while (product() > budget) {
    let longest = 0;
    for (let axis = 1; axis < limits.length; axis++) {
      if (limits[axis] > limits[longest]) longest = axis;
    }
    if (limits[longest] <= 1) break;
    limits[longest] = Math.ceil(limits[longest] / 2);
  }
  return limits;
}

/** Row-major strides: how far apart consecutive entries of each axis are in flat data. */
function strides(shape: readonly number[]): number[] {
  const result = new Array<number>(shape.length).fill(1);
  for (let axis = shape.length - 2; axis >= 0; axis--) {
    result[axis] = result[axis + 1] * shape[axis + 1];
  }
  return result;
}

function nest(data: unknown[], shape: number[], limits: number[]): unknown {
  if (shape.length === 0) return data[0];
  const step = strides(shape);
  const build = (axis: number, offset: number): unknown[] => {
    const items: unknown[] = [];
    for (let i = 0; i < limits[axis]; i++) {
      const at = offset + i * step[axis];
      items.push(axis === shape.length - 1 ? data[at] : build(axis + 1, at));
    }
    return items;
  };
  return build(0, 0);
}

function valueText(value: unknown, dtype: string): string {
  if (dtype === 'bool') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** numpy-like text: `[[1, 2],\n [3, 4]]`, columns padded to the widest value shown. */
function nestedText(data: unknown[], shape: number[], limits: number[], dtype: string): string {
  if (shape.length === 0) return valueText(data[0], dtype);
  const shown = nest(data, shape, limits);
  const texts: string[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else texts.push(valueText(node, dtype));
  };
  collect(shown);
  // Numbers are right-aligned in columns; words (bool, string) read better unpadded.
  const numeric = dtype !== 'bool' && dtype !== 'string';
  const width = numeric ? texts.reduce((max, text) => Math.max(max, text.length), 0) : 0;
  const render = (node: unknown, axis: number, indent: string): string => {
    if (!Array.isArray(node)) return valueText(node, dtype).padStart(width);
    const more = shape[axis] - node.length;
    const inner = indent + ' ';
    const parts = node.map((child) => render(child, axis + 1, inner));
    if (more > 0) parts.push(`… ${more} more`);
    const isLastAxis = axis === shape.length - 1;
    // Like numpy: rows on their own lines, a blank line between matrices of a 3-D tensor.
    const separator = isLastAxis ? ', ' : ',' + '\n'.repeat(shape.length - 1 - axis) + inner;
    return `[${parts.join(separator)}]`;
  };
  return render(shown, 0, '');
}
