/**
 * Every tfjs `fit` and `fitDataset` shows a progress bar and stops cleanly on Stop.
 *
 * The kernel calls `watchTraining(tf)` once, when tfjs loads. It wraps
 * `LayersModel.prototype.fit` and `fitDataset`: a Sequential's own `fit` calls its inner
 * LayersModel's, so one wrapper covers every model, and no lesson needs its own callback.
 * On Stop the wrapper sets `stopTraining` at the next batch end, so tfjs returns from
 * `fit` with the model whole (the weights of the last finished batch), then throws the
 * learner's Stop so the cell ends "Interrupted" instead of running on; the kernel and
 * every variable are kept. `verbose: 0` hides the bar; Stop still works.
 *
 * The learner's own callbacks still run. Given as plain objects, tfjs would make each one
 * yield with `tf.nextFrame` every 125 ms (15–18 ms each in a worker); here they yield
 * with a MessageChannel message instead, which costs next to nothing.
 */
import type * as Tf from '@tensorflow/tfjs';
import { throwIfInterrupted } from './context';
import { nextMacrotask } from './next-macrotask';
import { TrainingRun, type TrainingLogs, type TrainingParams } from './training-run';

type TfModule = typeof Tf;
type Callbacks = Tf.ModelFitArgs['callbacks'];
type FitArgs = {
  callbacks?: Callbacks;
  verbose?: number;
  yieldEvery?: Tf.ModelFitArgs['yieldEvery'];
};

const WATCHED = Symbol.for('playgrad.fit-watch');

/** Installs the wrapper on this tfjs instance's LayersModel (once; later calls do nothing). */
export function watchTraining(tf: TfModule): void {
  const proto = tf.LayersModel.prototype;
  if (Reflect.get(proto, WATCHED)) return;
  Reflect.set(proto, WATCHED, true);
  const Watch = watchCallback(tf);
  const baseCallback: unknown = Object.getPrototypeOf(tf.Callback);
  const isCallback = (value: unknown): value is Tf.CustomCallback =>
    typeof baseCallback === 'function' && value instanceof baseCallback;

  /** The learner's callbacks as callback objects that yield cheaply, then the watcher. */
  function withWatch(args: FitArgs, run: TrainingRun): FitArgs {
    const given = args.callbacks === undefined ? [] : [args.callbacks].flat();
    const callbacks = given.map((callback) =>
      isCallback(callback)
        ? callback
        : new tf.CustomCallback({ nextFrameFunc: nextMacrotask, ...callback }, args.yieldEvery),
    );
    return { ...args, callbacks: [...callbacks, new Watch(run)] as Tf.CustomCallback[] };
  }

  const fit = proto.fit;
  proto.fit = async function (this: Tf.LayersModel, x, y, args = {}) {
    throwIfInterrupted();
    const run = new TrainingRun(this, args.verbose !== 0);
    try {
      return await fit.call(this, x, y, withWatch(args, run));
    } finally {
      run.end();
      run.throwIfStopped();
    }
  };
  const fitDataset = proto.fitDataset;
  proto.fitDataset = async function <T extends Tf.TensorContainer>(
    this: Tf.LayersModel,
    dataset: Tf.data.Dataset<T>,
    args: Tf.ModelFitDatasetArgs<T>,
  ) {
    throwIfInterrupted();
    const run = new TrainingRun(this, args.verbose !== 0);
    try {
      return await fitDataset.call(this, dataset, withWatch(args, run) as typeof args);
    } finally {
      run.end();
      run.throwIfStopped();
    }
  } as typeof proto.fitDataset;
}

/** The callback that feeds a TrainingRun and sets `stopTraining` on Stop. */
function watchCallback(tf: TfModule) {
  return class TrainingWatch extends tf.Callback {
    constructor(private readonly run: TrainingRun) {
      super();
    }
    override async onTrainBegin(): Promise<void> {
      this.run.begin(this.params as TrainingParams);
    }
    override async onEpochBegin(epoch: number): Promise<void> {
      this.run.epochBegin(epoch);
    }
    override async onBatchEnd(_batch: number, logs?: TrainingLogs): Promise<void> {
      await this.run.batchEnd(logs);
      if (this.run.stopRequested) this.model.stopTraining = true;
    }
    override async onEpochEnd(_epoch: number, logs?: TrainingLogs): Promise<void> {
      await this.run.epochEnd(logs);
      if (this.run.stopRequested) this.model.stopTraining = true;
    }
  };
}
