/**
 * Names a cell may not declare at top level. Cells share the worker's global object, so
 * `const Math = …` would replace the real `Math` for the kernel and every later cell, and
 * `let postMessage = …` would cut the kernel off from the page.
 */
const KERNEL_NAMES = ['self', 'globalThis', 'postMessage', 'onmessage', 'close', 'console', '__pg'];

const JS_BUILT_INS = [
  'undefined',
  'NaN',
  'Infinity',
  'eval',
  'isFinite',
  'isNaN',
  'parseFloat',
  'parseInt',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'Object',
  'Function',
  'Array',
  'Number',
  'Boolean',
  'String',
  'Symbol',
  'BigInt',
  'Math',
  'JSON',
  'Reflect',
  'Proxy',
  'Promise',
  'Date',
  'RegExp',
  'Error',
  'AggregateError',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'WeakRef',
  'FinalizationRegistry',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Atomics',
  'Intl',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

const RESERVED = new Set([...KERNEL_NAMES, ...JS_BUILT_INS]);

export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}
