/**
 * Registers Playgrad's fixes to tfjs 4.22's WASM backend (see each kernel's file for why).
 *
 * Call it after importing `@tensorflow/tfjs-backend-wasm` (which registers the original
 * kernels) and before or after `setBackend('wasm')`: the wrapped kernel keeps the original's
 * setup function, which tfjs runs when the backend initialises. Calling it twice is harmless.
 */
import * as tf from '@tensorflow/tfjs';
import { fastBatchMatMul } from './batch-matmul-wasm';
import { conv2dBackpropFilterWasm } from './conv2d-backprop-filter-wasm';
import { fastSlice } from './slice-wasm';

const BACKEND = 'wasm';
/** The wrapped kernel functions, so that a second call does not wrap them again. */
const wrapped = new WeakSet<tf.KernelFunc>();

/** Which fixes are active now (for tests and the bench). */
export interface WasmKernelFixes {
  fastBatchMatMul: boolean;
  conv2dBackpropFilter: boolean;
  fastSlice: boolean;
}

export function registerWasmKernelFixes(): WasmKernelFixes {
  const batchMatMul = tf.getKernel('BatchMatMul', BACKEND);
  if (batchMatMul && !wrapped.has(batchMatMul.kernelFunc)) {
    const kernelFunc = fastBatchMatMul(batchMatMul.kernelFunc);
    wrapped.add(kernelFunc);
    tf.unregisterKernel('BatchMatMul', BACKEND);
    tf.registerKernel({ ...batchMatMul, kernelFunc });
  }
  const slice = tf.getKernel('Slice', BACKEND);
  if (slice && !wrapped.has(slice.kernelFunc)) {
    const kernelFunc = fastSlice(slice.kernelFunc);
    wrapped.add(kernelFunc);
    tf.unregisterKernel('Slice', BACKEND);
    tf.registerKernel({ ...slice, kernelFunc });
  }
  // Only where tfjs has none: a future tfjs with its own kernel keeps it.
  if (!tf.getKernel('Conv2DBackpropFilter', BACKEND)) tf.registerKernel(conv2dBackpropFilterWasm);
  return activeWasmKernelFixes();
}

export function activeWasmKernelFixes(): WasmKernelFixes {
  const batchMatMul = tf.getKernel('BatchMatMul', BACKEND);
  const filter = tf.getKernel('Conv2DBackpropFilter', BACKEND);
  const slice = tf.getKernel('Slice', BACKEND);
  return {
    fastBatchMatMul: batchMatMul !== undefined && wrapped.has(batchMatMul.kernelFunc),
    conv2dBackpropFilter: filter !== undefined,
    fastSlice: slice !== undefined && wrapped.has(slice.kernelFunc),
  };
}

/** Puts the original BatchMatMul back (tests compare both). */
export function unregisterFastBatchMatMul(original: tf.KernelConfig): void {
  tf.unregisterKernel('BatchMatMul', BACKEND);
  tf.registerKernel(original);
}
