/**
 * Building blocks for kernels made of other kernels of the same backend.
 *
 * A kernel function must not call tfjs ops (that would re-enter the engine, record on the
 * gradient tape and track tensors in the caller's scope); it calls the backend's own kernel
 * functions instead and frees its intermediate results itself. `Scratch` does that freeing.
 */
import * as tf from '@tensorflow/tfjs';

export type KernelInputs = tf.NamedTensorInfoMap;

/** What every tfjs backend offers and what composite kernels need from it. */
export interface ComposableBackend {
  disposeData(dataId: object, force?: boolean): boolean;
  /** A copy of the tensor's values (synchronous on CPU and WASM, whose memory is local). */
  readSync(dataId: object): tf.backend_util.BackendValues;
  /** A new tensor holding `values`; its owner frees it with `disposeData`. */
  write(values: tf.backend_util.BackendValues, shape: number[], dtype: tf.DataType): object;
}

/** Kernel functions receive the backend typed as `{}`: check it before freeing memory with it. */
export function asComposableBackend(backend: unknown): ComposableBackend {
  if (
    typeof backend === 'object' &&
    backend !== null &&
    ['disposeData', 'readSync', 'write'].every(
      (method) => typeof Reflect.get(backend, method) === 'function',
    )
  ) {
    return backend as ComposableBackend;
  }
  throw new Error('A composite kernel was called without a tfjs backend');
}

/** Runs the kernel `name` registered for `backendName`, directly, and returns its one output. */
export function runKernel(
  name: string,
  backendName: string,
  backend: ComposableBackend,
  inputs: KernelInputs,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const config = tf.getKernel(name, backendName);
  if (!config) throw new Error(`No ${name} kernel for the ${backendName} backend`);
  const output = config.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(output)) throw new Error(`${name} returned several tensors; one expected`);
  return output;
}

/** Intermediate tensors of one kernel call, freed together when the call ends. */
export class Scratch {
  private readonly infos: tf.TensorInfo[] = [];

  constructor(private readonly backend: ComposableBackend) {}

  keep(info: tf.TensorInfo): tf.TensorInfo {
    this.infos.push(info);
    return info;
  }

  dispose(): void {
    for (const info of this.infos) this.backend.disposeData(info.dataId);
    this.infos.length = 0;
  }
}

/** The permutation that swaps the last two axes of a tensor of rank `rank`. */
export function swapLastTwoAxes(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, axis) => axis);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}

/** The same data seen with another shape (no copy; tfjs shapes are metadata). */
export function withShape(info: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}
