/**
 * A faster `BatchMatMul` for tfjs 4.22's WASM backend, wrapping the original kernel.
 *
 * The original kernel uses XNNPACK only for one plain (untransposed) product; with
 * `transposeA`/`transposeB` or a batch of more than one matrix it falls back to a naive
 * loop that runs 10–50× slower (measured: 512² plain 16 GFLOP/s, transposeA 0.4). tfjs'
 * layers and optimizers hit the transposed path in every backward pass. So: transpose
 * explicitly (a cheap copy), fold a batch into rows when the other operand is one matrix,
 * and otherwise multiply matrix by matrix, each time through the fast path.
 */
import * as tf from '@tensorflow/tfjs';
import {
  asComposableBackend,
  runKernel,
  Scratch,
  swapLastTwoAxes,
  withShape,
  type ComposableBackend,
} from './composite';

const BACKEND = 'wasm';

/** Below this many multiply-adds per matrix, a kernel call per matrix costs more than it saves. */
const MIN_WORK_PER_MATRIX = 4096;

interface Operands {
  a: tf.TensorInfo;
  b: tf.TensorInfo;
}

export function fastBatchMatMul(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { a, b } = args.inputs;
    const transposeA = args.attrs?.transposeA === true;
    const transposeB = args.attrs?.transposeB === true;
    if (!a || !b || a.dtype !== 'float32' || b.dtype !== 'float32') return original(args);
    const backend = asComposableBackend(args.backend);
    const scratch = new Scratch(backend);
    try {
      const plain = {
        a: transposeA ? scratch.keep(transposeLastTwo(a, backend)) : a,
        b: transposeB ? scratch.keep(transposeLastTwo(b, backend)) : b,
      };
      return multiplyPlain(plain, original, backend, scratch);
    } finally {
      scratch.dispose();
    }
  };
}

function transposeLastTwo(x: tf.TensorInfo, backend: ComposableBackend): tf.TensorInfo {
  const perm = swapLastTwoAxes(x.shape.length);
  return runKernel('Transpose', BACKEND, backend, { x }, { perm });
}

/** `a @ b` with neither transposed, choosing the fastest way the shapes allow. */
function multiplyPlain(
  { a, b }: Operands,
  original: tf.KernelFunc,
  backend: ComposableBackend,
  scratch: Scratch,
): tf.TensorInfo {
  const [rows, inner] = a.shape.slice(-2);
  const columns = b.shape[b.shape.length - 1];
  const outerA = a.shape.slice(0, -2);
  const outerB = b.shape.slice(0, -2);
  const batchA = size(outerA);
  const batchB = size(outerB);
  const single = (x: Operands): tf.TensorInfo =>
    callOriginal(original, backend, x.a, x.b) as tf.TensorInfo;

  if (batchA === 1 && batchB === 1) {
    const out = single({ a, b });
    return withShape(out, [...broadcastOuter(outerA, outerB), rows, columns]);
  }
  if (batchB === 1) {
    // Many matrices times one: one tall product (a batch is contiguous rows).
    const tall = withShape(a, [1, batchA * rows, inner]);
    const out = single({ a: tall, b: withShape(b, [1, inner, columns]) });
    return withShape(out, [...broadcastOuter(outerA, outerB), rows, columns]);
  }
  const sameOuter = outerA.length === outerB.length && outerA.every((d, i) => d === outerB[i]);
  const worthLooping = rows * inner * columns >= MIN_WORK_PER_MATRIX;
  if (!worthLooping || !(sameOuter || batchA === 1)) {
    return callOriginal(original, backend, a, b) as tf.TensorInfo;
  }
  const batch = Math.max(batchA, batchB);
  const a3 = withShape(a, [batchA, rows, inner]);
  const b3 = withShape(b, [batchB, inner, columns]);
  const products: tf.TensorInfo[] = [];
  for (let index = 0; index < batch; index += 1) {
    const left = batchA === 1 ? a3 : scratch.keep(matrixAt(a3, index, backend));
    const right = scratch.keep(matrixAt(b3, index, backend));
    products.push(scratch.keep(single({ a: left, b: right })));
  }
  // Concat's kernel takes its inputs as an array (tfjs passes the op's tensor list through).
  const inputs = products as unknown as tf.NamedTensorInfoMap;
  const stacked = runKernel('Concat', BACKEND, backend, inputs, { axis: 0 });
  return withShape(stacked, [...broadcastOuter(outerA, outerB), rows, columns]);
}

function callOriginal(
  original: tf.KernelFunc,
  backend: ComposableBackend,
  a: tf.TensorInfo,
  b: tf.TensorInfo,
): tf.TensorInfo | tf.TensorInfo[] {
  const attrs = { transposeA: false, transposeB: false };
  return original({ inputs: { a, b }, backend, attrs });
}

/** Matrix `index` of a rank-3 tensor, as a [1, rows, columns] tensor. */
function matrixAt(x: tf.TensorInfo, index: number, backend: ComposableBackend): tf.TensorInfo {
  const [, rows, columns] = x.shape;
  const attrs = { begin: [index, 0, 0], size: [1, rows, columns] };
  return runKernel('Slice', BACKEND, backend, { x }, attrs);
}

function size(shape: readonly number[]): number {
  return shape.reduce((product, d) => product * d, 1);
}

/** The broadcast of two outer shapes where one is all ones or both are equal. */
function broadcastOuter(outerA: readonly number[], outerB: readonly number[]): number[] {
  const rank = Math.max(outerA.length, outerB.length);
  const padded = (shape: readonly number[]): number[] => [
    ...Array<number>(rank - shape.length).fill(1),
    ...shape,
  ];
  const left = padded(outerA);
  const right = padded(outerB);
  return left.map((d, i) => Math.max(d, right[i]));
}
