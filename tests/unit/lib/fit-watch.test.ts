/**
 * `watchTraining`: every fit shows a bar and stops on Stop with the model whole, with the
 * real tfjs (CPU backend in Node) and a recording kernel context.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InterruptedError } from '../../../src/lib/context';
import { watchTraining } from '../../../src/lib/fit-watch';
import { ofType, recordKernel } from './recording-context';

beforeAll(async () => {
  await tf.setBackend('cpu');
  watchTraining(tf);
  watchTraining(tf); // a second install changes nothing (no double bar)
});

function tinyModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'zeros' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  return model;
}

const data = () => [tf.randomUniform([40, 2], 0, 1, 'float32', 1), tf.ones([40, 1])] as const;

describe('fit with the watcher', () => {
  it('shows one bar per model and cell: batches of every epoch, loss in the postfix', async () => {
    const { sent } = recordKernel();
    const [x, y] = data();
    const model = tinyModel();
    const history = await model.fit(x, y, { epochs: 3, batchSize: 10 });
    expect(history.history.loss).toHaveLength(3);
    const bars = ofType(sent, 'progress');
    expect(new Set(bars.map((bar) => bar.displayId)).size).toBe(1);
    const last = bars.at(-1)!;
    expect(last).toMatchObject({ value: 12, max: 12, label: 'Training, epoch 3/3' });
    expect(last.postfix).toMatch(/^loss=\d/);
    expect(last.elapsedMs).toBeGreaterThanOrEqual(0);
    // A loop of fit calls on the same model updates the same bar; epochs are numbered
    // as Keras numbers them (initialEpoch 3 of 5: the 4th and 5th).
    await model.fit(x, y, { initialEpoch: 3, epochs: 5, batchSize: 10 });
    expect(new Set(ofType(sent, 'progress').map((bar) => bar.displayId)).size).toBe(1);
    expect(ofType(sent, 'progress').at(-1)).toMatchObject({
      value: 8,
      max: 8,
      label: 'Training, epoch 5/5',
    });
    tf.dispose([x, y]);
    model.dispose();
  });

  it('verbose: 0 trains without a bar', async () => {
    const { sent } = recordKernel();
    const [x, y] = data();
    const model = tinyModel();
    await model.fit(x, y, { epochs: 1, batchSize: 10, verbose: 0 });
    expect(ofType(sent, 'progress')).toHaveLength(0);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('on Stop returns at the next batch end, the model usable, and throws the Stop with a note', async () => {
    const { stop } = recordKernel();
    const [x, y] = data();
    const model = tinyModel();
    const batchesSeen: number[] = [];
    let epochsEnded = 0;
    const fitting = model.fit(x, y, {
      epochs: 5,
      batchSize: 10,
      callbacks: {
        // The learner's own callback still runs; it presses Stop in epoch 2.
        onBatchEnd: (batch) => {
          batchesSeen.push(batch);
          if (batchesSeen.length === 6) stop.pressed = true;
        },
        onEpochEnd: () => {
          epochsEnded += 1;
        },
      },
    });
    const error = await fitting.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as Error).message).toBe(
      'Training stopped in epoch 2 of 5, after batch 2 of 4. The model keeps the weights it has learned so far, and every variable is kept.',
    );
    expect(batchesSeen).toHaveLength(6);
    expect(epochsEnded).toBe(2); // tfjs ends the cut epoch, then stops
    expect(model.stopTraining).toBe(true);
    // The model is whole: it predicts, and (after the next cell starts) trains again.
    const prediction = model.predict(tf.ones([1, 2])) as tf.Tensor;
    expect(Number.isFinite(prediction.dataSync()[0])).toBe(true);
    stop.pressed = false;
    await model.fit(x, y, { epochs: 1, batchSize: 10 });
    tf.dispose([x, y, prediction]);
    model.dispose();
  });

  it('a fit started after Stop in the same cell does not train at all', async () => {
    const { stop } = recordKernel();
    const [x, y] = data();
    const model = tinyModel();
    stop.pressed = true;
    const before = model.getWeights()[0].dataSync().slice();
    await expect(model.fit(x, y, { epochs: 1 })).rejects.toBeInstanceOf(InterruptedError);
    expect(model.getWeights()[0].dataSync()).toEqual(before);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('fitDataset: the first epoch tells the length of a dataset of unknown size', async () => {
    const { sent } = recordKernel();
    const [x, y] = data();
    const dataset = tf.data
      .zip({ xs: tf.data.array(x.unstack()), ys: tf.data.array(y.unstack()) })
      .batch(10);
    const model = tinyModel();
    await model.fitDataset(dataset, { epochs: 2 });
    const last = ofType(sent, 'progress').at(-1)!;
    expect(last).toMatchObject({ value: 8, max: 8, label: 'Training, epoch 2/2' });
    tf.dispose([x, y]);
    model.dispose();
  });

  it('runs callbacks given as tf.Callback objects (a subclass, early stopping)', async () => {
    recordKernel();
    const [x, y] = data();
    const model = tinyModel();
    class BatchCounter extends tf.Callback {
      batches = 0;
      override async onBatchEnd(): Promise<void> {
        this.batches += 1;
      }
    }
    const counter = new BatchCounter();
    const stopping = tf.callbacks.earlyStopping({ monitor: 'loss', patience: 100 });
    await model.fit(x, y, { epochs: 2, batchSize: 20, callbacks: [counter, stopping] });
    expect(counter.batches).toBe(4);
    tf.dispose([x, y]);
    model.dispose();
  });
});
