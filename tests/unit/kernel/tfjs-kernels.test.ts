/**
 * Playgrad's WASM kernel fixes against tfjs' own kernels: the original WASM BatchMatMul
 * and the CPU backend's Conv2DBackpropFilter (tfjs-backend-wasm runs in Node).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  activeWasmKernelFixes,
  registerWasmKernelFixes,
  unregisterFastBatchMatMul,
} from '../../../src/kernel/tfjs-kernels/register-wasm-fixes';

const TOLERANCE = 1e-5;

/** Deterministic values in [-1, 1) without tfjs' RNG (the same on every backend). */
function values(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let state = seed;
  for (let i = 0; i < count; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out[i] = (state / 2147483648) * 2 - 1;
  }
  return out;
}

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

async function on<T>(backend: string, work: () => T): Promise<T> {
  await tf.setBackend(backend);
  await tf.ready();
  return work();
}

const originalBatchMatMul = tf.getKernel('BatchMatMul', 'wasm');

beforeAll(async () => {
  await on('wasm', () => undefined);
});

describe('registerWasmKernelFixes', () => {
  it('wraps BatchMatMul once and adds Conv2DBackpropFilter', () => {
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(registerWasmKernelFixes()).toEqual({
      fastBatchMatMul: true,
      conv2dBackpropFilter: true,
      fastSlice: true,
    });
    const once = tf.getKernel('BatchMatMul', 'wasm')?.kernelFunc;
    registerWasmKernelFixes();
    expect(tf.getKernel('BatchMatMul', 'wasm')?.kernelFunc).toBe(once);
  });
});

type Case = [string, number[], number[], boolean, boolean];
const CASES: Case[] = [
  ['plain 2-D', [7, 5], [5, 3], false, false],
  ['transposeA', [5, 7], [5, 3], true, false],
  ['transposeB', [7, 5], [3, 5], false, true],
  ['both transposed', [5, 7], [3, 5], true, true],
  ['batch times one matrix', [4, 6, 5], [5, 3], false, false],
  ['batch times batch, transposeB', [3, 20, 30], [3, 40, 30], false, true],
  ['one matrix times batch', [1, 20, 30], [3, 30, 40], false, false],
  ['small batch (original path)', [4, 3, 2], [4, 3, 2], true, false],
  ['4-D batch', [2, 3, 20, 30], [2, 3, 30, 25], false, false],
];

describe('fast BatchMatMul on WASM', () => {
  it.each(CASES)('%s equals the original kernel', async (_, shapeA, shapeB, tA, tB) => {
    if (!originalBatchMatMul) throw new Error('tfjs-backend-wasm has no BatchMatMul');
    const product = (): { data: Float32Array; shape: number[] } => {
      const before = tf.memory().numTensors;
      const a = tf.tensor(
        values(
          shapeA.reduce((p, d) => p * d, 1),
          1,
        ),
        shapeA,
      );
      const b = tf.tensor(
        values(
          shapeB.reduce((p, d) => p * d, 1),
          2,
        ),
        shapeB,
      );
      const out = tf.matMul(a, b, tA, tB);
      const result = { data: out.dataSync() as Float32Array, shape: out.shape };
      tf.dispose([a, b, out]);
      expect(tf.memory().numTensors).toBe(before);
      return result;
    };
    unregisterFastBatchMatMul(originalBatchMatMul);
    const bytesBefore = tf.memory().numBytes;
    const expected = product();
    registerWasmKernelFixes();
    const actual = product();
    expect(actual.shape).toEqual(expected.shape);
    expect(maxAbsDifference(actual.data, expected.data)).toBeLessThan(TOLERANCE);
    expect(tf.memory().numBytes).toBe(bytesBefore);
  });
});

type ConvCase = [string, number[], number[], [number, number], 'valid' | 'same', 'NHWC' | 'NCHW'];
const CONV_CASES: ConvCase[] = [
  ['3×3 same, stride 1', [2, 8, 8, 3], [3, 3, 3, 16], [1, 1], 'same', 'NHWC'],
  ['3×3 valid, stride 2', [3, 9, 7, 4], [3, 3, 4, 5], [2, 2], 'valid', 'NHWC'],
  ['2×4 same, strides 2×1', [2, 7, 9, 2], [2, 4, 2, 3], [2, 1], 'same', 'NHWC'],
  ['1×1', [2, 5, 5, 6], [1, 1, 6, 4], [1, 1], 'valid', 'NHWC'],
];

describe('Conv2DBackpropFilter on WASM', () => {
  it.each(CONV_CASES)(
    '%s matches the CPU backend',
    async (_, xShape, fShape, strides, pad, fmt) => {
      registerWasmKernelFixes();
      const gradient = (): Float32Array => {
        const before = tf.memory().numTensors;
        const x = tf.tensor4d(
          values(
            xShape.reduce((p, d) => p * d, 1),
            3,
          ),
          xShape as never,
        );
        const filter = tf.tensor4d(
          values(
            fShape.reduce((p, d) => p * d, 1),
            4,
          ),
          fShape as never,
        );
        // A loss that weighs every output differently, so a misplaced weight shows.
        const loss = (f: tf.Tensor): tf.Scalar => {
          const y = tf.conv2d(x, f as tf.Tensor4D, strides, pad, fmt);
          const weights = tf.tensor(values(y.size, 5), y.shape);
          return tf.sum(tf.mul(y, weights));
        };
        const grad = tf.tidy(() => tf.grad(loss)(filter));
        const data = grad.dataSync() as Float32Array;
        tf.dispose([x, filter, grad]);
        expect(tf.memory().numTensors).toBe(before);
        return data;
      };
      const onCpu = await on('cpu', gradient);
      const onWasm = await on('wasm', gradient);
      expect(onWasm.length).toBe(fShape.reduce((p, d) => p * d, 1));
      expect(maxAbsDifference(onWasm, onCpu)).toBeLessThan(TOLERANCE);
    },
  );

  it('handles NCHW (called as a kernel: WASM conv2d itself is NHWC only)', async () => {
    registerWasmKernelFixes();
    const gradient = (): Float32Array => {
      const x = tf.tensor4d(values(2 * 3 * 8 * 8, 7), [2, 3, 8, 8]);
      const dy = tf.tensor4d(values(2 * 4 * 8 * 8, 8), [2, 4, 8, 8]);
      const attrs = { strides: [1, 1], pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 3, 4] };
      const grad = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor;
      const data = grad.dataSync() as Float32Array;
      tf.dispose([x, dy, grad]);
      return data;
    };
    const onCpu = await on('cpu', gradient);
    const onWasm = await on('wasm', gradient);
    expect(maxAbsDifference(onWasm, onCpu)).toBeLessThan(TOLERANCE);
  });

  it('lets a small CNN take a training step on WASM', async () => {
    registerWasmKernelFixes();
    await on('wasm', () => undefined);
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3, activation: 'relu' }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    const xs = tf.tensor4d(values(16 * 64, 6), [16, 8, 8, 1]);
    const ys = tf.oneHot(
      tf.tensor1d(
        [...Array(16).keys()].map((i) => i % 3),
        'int32',
      ),
      3,
    );
    const history = await model.fit(xs, ys, { epochs: 5, batchSize: 8, shuffle: false });
    const losses = history.history.loss as number[];
    expect(losses[4]).toBeLessThan(losses[0]);
    tf.dispose([xs, ys]);
    model.dispose();
  });
});

describe('fast WASM Slice', () => {
  const SLICES: [string, number[], number[], number[]][] = [
    ['rows of a matrix (contiguous)', [50, 7], [10, 0], [5, 7]],
    ['a block of a matrix', [50, 7], [3, 2], [4, 3]],
    ['a vector', [40], [5], [20]],
    ['3-D', [4, 5, 6], [1, 2, 3], [2, -1, 2]],
    ['4-D images', [6, 5, 5, 3], [2, 1, 0, 1], [3, 3, 5, 2]],
    ['empty', [5, 4], [2, 0], [0, 4]],
  ];

  it.each(SLICES)('%s matches the CPU backend', async (_, shape, begin, size) => {
    registerWasmKernelFixes();
    const data = values(
      shape.reduce((a, b) => a * b, 1),
      7,
    );
    const sliceOn = (backend: string) =>
      on(backend, () =>
        tf.tidy(() => Array.from(tf.slice(tf.tensor(data, shape), begin, size).dataSync())),
      );
    const cpu = await sliceOn('cpu');
    const before = await on('wasm', () => tf.memory().numTensors);
    const wasm = await sliceOn('wasm');
    expect(wasm).toEqual(cpu);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('int32 slices and slices after heap growth stay correct', async () => {
    registerWasmKernelFixes();
    await on('wasm', () => undefined);
    const big = tf.range(0, 200_000, 1, 'int32').reshape([2000, 100]);
    // Allocations in between may grow the WebAssembly heap and move its buffer.
    const filler = tf.zeros([4_000_000]);
    const part = tf.slice(big, [1500, 10], [2, 3]);
    expect(Array.from(part.dataSync())).toEqual([150010, 150011, 150012, 150110, 150111, 150112]);
    expect(part.dtype).toBe('int32');
    tf.dispose([big, filler, part]);
  });
});
