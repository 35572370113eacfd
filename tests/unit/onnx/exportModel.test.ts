import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-web';
import { exportModel } from '../../../src/lib/onnx-export';
import { decodeModel } from '../../../src/lib/onnx-graph';

// Runs the exported bytes in onnxruntime-web (its Node build, WASM on one thread) and
// compares with tfjs's own prediction on the same input.
async function runOnnx(bytes: Uint8Array, input: tf.Tensor): Promise<Float32Array> {
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(bytes);
  const feed = new ort.Tensor('float32', Float32Array.from(input.dataSync()), input.shape);
  const out = await session.run({ [session.inputNames[0]]: feed });
  const data = out[session.outputNames[0]].data;
  if (!(data instanceof Float32Array)) throw new Error('expected float32 output');
  await session.release();
  return data;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

function randomInput(shape: number[], seed: number): tf.Tensor {
  return tf.randomUniform(shape, 0, 1, 'float32', seed);
}

describe('exportModel', () => {
  it('exports a CNN whose ONNX outputs match tfjs to 1e-5', async () => {
    await tf.setBackend('cpu');
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({
          inputShape: [9, 8, 2],
          filters: 4,
          kernelSize: 3,
          activation: 'relu',
          kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
          biasInitializer: tf.initializers.randomNormal({ seed: 2 }),
        }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({
          filters: 3,
          kernelSize: [2, 3],
          padding: 'same',
          strides: 1,
          kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
        }),
        tf.layers.reLU(),
        tf.layers.averagePooling2d({ poolSize: 2, strides: 1 }),
        tf.layers.flatten(),
        tf.layers.dropout({ rate: 0.5 }),
        tf.layers.dense({
          units: 5,
          activation: 'softmax',
          kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
          biasInitializer: tf.initializers.randomNormal({ seed: 5 }),
        }),
      ],
    });
    const x = randomInput([3, 9, 8, 2], 7);
    const want = (model.predict(x) as tf.Tensor).dataSync();
    const got = await runOnnx(await exportModel(model), x);
    expect(maxAbsDiff(got, want)).toBeLessThan(1e-5);
    // Softmax rows sum to one: the output really is probabilities, not zeros.
    expect(got[0] + got[1] + got[2] + got[3] + got[4]).toBeCloseTo(1, 5);
    x.dispose();
    model.dispose();
  });

  it('exports an MLP on flat inputs with a free batch size', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({
          inputShape: [6],
          units: 8,
          activation: 'tanh',
          kernelInitializer: tf.initializers.glorotUniform({ seed: 8 }),
        }),
        tf.layers.dense({
          units: 2,
          kernelInitializer: tf.initializers.glorotUniform({ seed: 9 }),
        }),
        tf.layers.activation({ activation: 'sigmoid' }),
      ],
    });
    const bytes = await exportModel(model, { name: 'mlp' });
    for (const batch of [1, 4]) {
      const x = randomInput([batch, 6], batch);
      const want = (model.predict(x) as tf.Tensor).dataSync();
      expect(maxAbsDiff(await runOnnx(bytes, x), want)).toBeLessThan(1e-6);
      x.dispose();
    }
    const decoded = await decodeModel(bytes);
    expect(decoded.graph?.name).toBe('mlp');
    expect(decoded.graph?.node?.map((n) => n.opType)).toEqual([
      'MatMul',
      'Add',
      'Tanh',
      'MatMul',
      'Add',
      'Sigmoid',
      'Identity',
    ]);
    expect(decoded.graph?.input?.[0].type?.tensorType?.shape?.dim?.[0].dimParam).toBe('batch');
    model.dispose();
  });

  it('names the layer it cannot export', async () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [3], units: 2 }), tf.layers.batchNormalization()],
    });
    await expect(exportModel(model)).rejects.toThrow(/BatchNormalization/);
    model.dispose();
  });
});
