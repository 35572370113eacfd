/**
 * From any value to the MIME bundle the UI renders.
 *
 * The kernel uses `toMimeBundle` for a cell's last expression and `display()`, and
 * `formatForConsole` for `console.log`, so every output of a value goes through here.
 */
import type { MimeBundle } from '../protocol/messages';
import { MIME } from '../protocol/messages';
import { isDisplayable, MIMEBUNDLE, type Displayable } from './displayable';
import { formatValue } from './format';
import { isTensorLike, tensorBundle } from './tensor';

export { MIMEBUNDLE, isDisplayable, type Displayable };
export type { MimeBundle };
export { formatForConsole, formatValue } from './format';
export type { TensorJson } from './tensor';

/**
 * The outputs a value displays as: a Displayable's own bundle, a tensor's shape and
 * values, otherwise readable text. `undefined` displays nothing.
 *
 * @example
 * toMimeBundle({ lr: 0.01 })  // { 'text/plain': '{ lr: 0.01 }' }
 */
export function toMimeBundle(value: unknown): MimeBundle | undefined {
  if (value === undefined) return undefined;
  if (isDisplayable(value)) return value[MIMEBUNDLE]();
  if (isTensorLike(value)) return tensorBundle(value);
  return { [MIME.text]: formatValue(value) };
}
