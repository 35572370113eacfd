/**
 * The Displayable protocol: how any object says what it looks like as an output.
 *
 * Like Jupyter's `_repr_mimebundle_`, an object with a `[MIMEBUNDLE]()` method is shown
 * as the bundle it returns. A well-known symbol (`Symbol.for`) rather than a method name
 * means the protocol works across bundles and never collides with a learner's own keys.
 */
import type { MimeBundle } from '../protocol/messages';

export const MIMEBUNDLE: unique symbol = Symbol.for('playgrad.mimebundle');

export interface Displayable {
  [MIMEBUNDLE](): MimeBundle;
}

export function isDisplayable(value: unknown): value is Displayable {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as Partial<Displayable>)[MIMEBUNDLE] === 'function'
  );
}
