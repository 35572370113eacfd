/**
 * The kernel names running out of memory; the page trusts that flag (ErrorMessage's
 * `outOfMemory`) instead of matching error text, so an ordinary `RangeError` such as
 * `new Array(-1)` ("Invalid array length") is not taken for one.
 *
 * Real signatures, measured in Chromium 156 (docs/decisions.md, "Out of memory"):
 * - a JS typed array too large: `RangeError: Array buffer allocation failed`
 *   (`tf.zeros([2e9])` builds its values in JS first);
 * - tfjs-wasm's heap cannot grow: its view on the heap fails with
 *   `RangeError: Invalid typed array length: …` (`tf.fill([40000, 40000], 1)`), or a
 *   failed allocation corrupts the heap and a later op aborts with
 *   `RuntimeError: Aborted()`, or Emscripten's "Cannot enlarge memory arrays" /
 *   `memory access out of bounds`.
 */
const SIGNATURES: ReadonlyArray<{ name: RegExp; message: RegExp }> = [
  { name: /^RangeError$/, message: /^array buffer allocation failed/i },
  { name: /^RangeError$/, message: /^invalid typed array length/i },
  { name: /^RuntimeError$/, message: /^aborted\(/i },
  { name: /^RuntimeError$/, message: /memory access out of bounds/i },
  { name: /.*/, message: /cannot enlarge memory/i },
  { name: /.*/, message: /^out of memory$/i },
];

/** Did this thrown value say the kernel (JS or WASM) could not get the memory it asked for? */
export function isOutOfMemory(thrown: unknown): boolean {
  if (!(thrown instanceof Error)) return false;
  return SIGNATURES.some(
    (signature) => signature.name.test(thrown.name) && signature.message.test(thrown.message),
  );
}
