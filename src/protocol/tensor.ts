/**
 * The tensor payload (`application/vnd.playgrad.tensor+json`): made by src/lib/tensor.ts,
 * drawn by src/ui/outputs/tensor.ts. Typed once here so both sides agree.
 */

/** The JSON in `application/vnd.playgrad.tensor+json`. */
export interface TensorJson {
  shape: number[];
  dtype: string;
  size: number;
  /** Nested like `arraySync()`; leading entries of each axis only when `truncated`. */
  values?: unknown;
  truncated?: boolean;
  /** The tensor's memory was freed before it was shown: there are no values. */
  disposed?: boolean;
}

export function isTensorJson(data: unknown): data is TensorJson {
  if (typeof data !== 'object' || data === null) return false;
  const t = data as Record<string, unknown>;
  return (
    Array.isArray(t.shape) &&
    t.shape.every((n) => typeof n === 'number') &&
    typeof t.dtype === 'string' &&
    typeof t.size === 'number'
  );
}
