/**
 * Memory trouble in the kernel, recognised from what the cell's error says, and tensors a
 * cell left behind.
 *
 * What running out of memory looks like in the kernel (measured in Chromium 156):
 * - a JS typed array too large: `RangeError: Array buffer allocation failed`
 *   (`tf.zeros([2e9])` builds its values in JS first);
 * - tfjs-wasm's heap cannot grow: its view on the heap fails with
 *   `RangeError: Invalid typed array length: …` (`tf.fill([40000, 40000], 1)`), or a
 *   failed allocation corrupts the heap and a later op aborts with
 *   `RuntimeError: Aborted()` or `memory access out of bounds`;
 * - the JS heap itself: V8 ends the whole renderer (the tab shows the browser's own
 *   "out of memory" page), so nothing in the page can report it.
 * After any of these the WASM heap may be inconsistent, so the session starts a fresh
 * kernel rather than let later cells fail in stranger ways.
 */
import type { CellOutput } from '../../notebook/outputs';

const OUT_OF_MEMORY_PATTERNS: readonly RegExp[] = [
  /array buffer allocation failed/i,
  /invalid typed array length/i,
  /invalid array length/i,
  /out of memory/i,
  /cannot enlarge memory/i,
  /memory access out of bounds/i,
  /^aborted\(/i,
];

/** Does this error say the kernel (JS or WASM) could not get the memory it asked for? */
export function isOutOfMemory(message: string): boolean {
  return OUT_OF_MEMORY_PATTERNS.some((pattern) => pattern.test(message));
}

/** The cell's (last) error, when it is an out-of-memory one. */
export function outOfMemoryError(outputs: readonly CellOutput[]): boolean {
  const errors = outputs.filter((output) => output.type === 'error');
  const last = errors[errors.length - 1];
  return last !== undefined && isOutOfMemory(last.message);
}

export const OUT_OF_MEMORY = {
  ename: 'OutOfMemory',
  message:
    'The kernel ran out of memory. Use smaller tensors (fewer rows, a smaller batch) or ' +
    'dispose the ones you no longer need; a fresh kernel was started.',
  lost: 'The kernel ran out of memory and was restarted, so its state was lost: every variable the cells above defined is gone.',
} as const;

/**
 * A cell that leaves this many more live tensors than there were before it gets a gentle
 * warning. The shipped lessons stay well under it: in `playgrad run --all --json` (each
 * cell reports its live tensors) no cell adds more than 14 — a model's weights, a
 * dataset kept as tensors on purpose. A loop that forgets to dispose adds hundreds.
 */
export const LEAK_WARNING_TENSORS = 100;

/** How many more tensors are alive after the cell than before it (never negative). */
export function tensorsLeft(before: number | undefined, after: number | undefined): number {
  if (after === undefined) return 0;
  return Math.max(0, after - (before ?? 0));
}
