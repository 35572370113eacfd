/**
 * Number spelling shared by the text outputs.
 *
 * Numbers are never rounded for display: learners compare printed values. The one
 * exception is float32 data (tensors, Float32Array), whose exact double expansion
 * (0.10000000149011612) is noise; it is written as the shortest decimal that reads back
 * as the same float32 (0.1), which loses nothing.
 */

/** The shortest decimal that `Math.fround` maps back to the same float32 value. */
export function shortestFloat32(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  const target = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return value;
}

/** Like `String(n)` but keeps the sign of -0, as pretty-format does. */
export function numberText(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
