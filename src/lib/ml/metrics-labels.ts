/**
 * Turns what a learner passes as labels or scores (plain arrays, typed arrays, tfjs
 * tensors) into plain arrays, with messages that say which argument was wrong.
 *
 * Tensors are recognised by duck typing (`arraySync`), never `instanceof`: a cell may hold a
 * different tfjs instance than this module, and the helpers must not import tfjs.
 */

/** A class label: a class index, a name, or true/false (read as 1/0). */
export type Label = number | string | boolean;

/** Anything with numbers in order: an array, a typed array, or a 1-D tfjs tensor. */
export type VectorInput = ArrayLike<unknown> | { arraySync(): unknown };

function hasArraySync(value: unknown): value is { arraySync(): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { arraySync?: unknown }).arraySync === 'function'
  );
}

/** Reads a tensor's values, or returns the value itself. */
export function unwrapTensor(value: unknown): unknown {
  return hasArraySync(value) ? value.arraySync() : value;
}

function toPlainArray(value: unknown, what: string): unknown[] {
  const plain = unwrapTensor(value);
  if (Array.isArray(plain)) return plain;
  if (ArrayBuffer.isView(plain) && !(plain instanceof DataView)) {
    return Array.from(plain as unknown as ArrayLike<number>);
  }
  throw new TypeError(`${what} must be an array or a 1-D tensor, got ${describe(plain)}`);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}

/**
 * Labels as numbers or strings (booleans become 1/0, so `y > 0.5` style arrays work).
 * A column vector `[[0], [1]]` (a tensor of shape [n, 1]) is flattened.
 */
export function toLabels(value: unknown, what: string): (number | string)[] {
  return toPlainArray(value, what).map((item, i) => {
    const entry = Array.isArray(item) && item.length === 1 ? item[0] : item;
    if (typeof entry === 'boolean') return entry ? 1 : 0;
    if (typeof entry === 'string') return entry;
    if (typeof entry === 'number' && !Number.isNaN(entry)) return entry;
    throw new TypeError(`${what}[${i}] is ${String(entry)}: labels must be numbers or strings`);
  });
}

/** Scores or coordinates: finite numbers only (a NaN would silently break the sort). */
export function toNumbers(value: unknown, what: string): number[] {
  return toPlainArray(value, what).map((item, i) => {
    const entry = Array.isArray(item) && item.length === 1 ? item[0] : item;
    if (typeof entry === 'boolean') return entry ? 1 : 0;
    if (typeof entry !== 'number' || !Number.isFinite(entry)) {
      throw new TypeError(`${what}[${i}] is ${String(entry)}: expected a finite number`);
    }
    return entry;
  });
}

export function checkSameLength(a: readonly unknown[], b: readonly unknown[], names: string) {
  if (a.length !== b.length) {
    throw new RangeError(`${names} must have the same length, got ${a.length} and ${b.length}`);
  }
  if (a.length === 0) throw new RangeError(`${names} are empty`);
}

/** Sorted like sklearn's `np.unique`: numbers ascending, then strings in code-unit order. */
export function sortedUnique(labels: readonly (number | string)[]): (number | string)[] {
  return [...new Set(labels)].sort(compareLabels);
}

export function compareLabels(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
