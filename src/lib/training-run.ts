/**
 * One `fit` or `fitDataset` call as the learner sees it: a progress bar over every batch
 * of every epoch (tqdm's look: elapsed < left, rate, then epoch and loss), a cheap yield
 * between batches so that Stop is read, and, once Stop was pressed, a note that says how
 * far training got. tfjs-free: fit-watch.ts feeds it the callback events.
 */
import type { ProgressMessage } from '../protocol/messages';
import { InterruptedError, kernelContext, newDisplayId, type KernelContext } from './context';
import { nextMacrotask } from './next-macrotask';
import { formatPostfix, PROGRESS_UPDATE_INTERVAL_MS, YIELD_EVERY_MS } from './progress';
import { Throttle } from './throttle';

/** What tfjs tells callbacks about the run (`Callback.params`). */
export interface TrainingParams {
  epochs?: number | null;
  initialEpoch?: number | null;
  samples?: number | null;
  steps?: number | null;
  batchSize?: number | null;
}

/** A loss or metric in the logs: a number, or a scalar tensor not read yet. */
type LogValue = number | { data(): Promise<ArrayLike<number>> };
export type TrainingLogs = Readonly<Record<string, unknown>>;

/** One bar per model and cell: a loop of `fit` calls updates the same bar. */
const barOfModel = new WeakMap<object, { cell: string; id: string }>();

export class TrainingRun {
  private readonly context: KernelContext = kernelContext();
  private readonly cell = this.context.cellId();
  private readonly displayId: string;
  private readonly throttle: Throttle<ProgressMessage>;
  private readonly started = Date.now();
  private lastYield = Date.now();
  /** The longest stretch without a yield so far (a batch): Stop is seen within it. */
  private longestStep = 0;
  private lastRead = Number.NEGATIVE_INFINITY;
  /** Epochs this call trains (`epochs − initialEpoch`), and the last one's number. */
  private epochs = 1;
  private lastEpoch = 1;
  private firstEpoch = 0;
  private epoch = 0;
  private batchesPerEpoch: number | undefined;
  private batchInEpoch = 0;
  private batchesDone = 0;
  private metrics: Record<string, number> = {};
  private stopSeen = false;

  /**
   * @param model the model being trained (the bar is kept per model and cell)
   * @param show false for `verbose: 0`: no bar, Stop still works
   */
  constructor(
    model: object,
    private readonly show: boolean,
  ) {
    const kept = barOfModel.get(model);
    this.displayId = kept?.cell === this.cell ? kept.id : newDisplayId();
    barOfModel.set(model, { cell: this.cell, id: this.displayId });
    this.throttle = new Throttle(PROGRESS_UPDATE_INTERVAL_MS, (m) => this.context.emit(m));
  }

  /** True once the learner pressed Stop: the caller sets `model.stopTraining`. */
  get stopRequested(): boolean {
    if (this.context.interrupted()) this.stopSeen = true;
    return this.stopSeen;
  }

  begin(params: TrainingParams): void {
    this.firstEpoch = params.initialEpoch ?? 0;
    this.lastEpoch = Math.max(this.firstEpoch + 1, params.epochs ?? 1);
    this.epochs = this.lastEpoch - this.firstEpoch;
    this.epoch = this.firstEpoch;
    const { samples, batchSize, steps } = params;
    if (samples && batchSize) this.batchesPerEpoch = Math.ceil(samples / batchSize);
    else if (steps) this.batchesPerEpoch = steps;
    this.update();
  }

  epochBegin(epoch: number): void {
    this.epoch = epoch;
    this.batchInEpoch = 0;
  }

  /** After each batch: the bar (losses read at most 10 times a second), then a yield. */
  async batchEnd(logs: TrainingLogs | undefined): Promise<void> {
    this.longestStep = Math.max(this.longestStep, Date.now() - this.lastYield);
    this.batchInEpoch += 1;
    this.batchesDone += 1;
    if (Date.now() - this.lastRead >= PROGRESS_UPDATE_INTERVAL_MS) {
      this.lastRead = Date.now();
      this.metrics = await readLogs(logs);
    }
    this.update();
    if (Date.now() - this.lastYield >= YIELD_EVERY_MS) {
      await nextMacrotask();
      this.lastYield = Date.now();
    }
  }

  async epochEnd(logs: TrainingLogs | undefined): Promise<void> {
    // A dataset of unknown length: its first epoch tells how many batches one has.
    this.batchesPerEpoch ??= this.batchInEpoch;
    this.metrics = await readLogs(logs);
    this.update();
  }

  /** The bar's final state, whether training ended, failed or was stopped. */
  end(): void {
    this.update();
    this.throttle.flush();
  }

  /** Throws the learner's Stop, with how far training got, once `fit` has returned. */
  throwIfStopped(): void {
    if (!this.stopRequested) return;
    // Numbered as Keras does: `initialEpoch: 2, epochs: 5` trains epochs 3, 4 and 5 of 5.
    const epoch = this.epoch + 1;
    const where =
      this.batchesPerEpoch && this.batchInEpoch < this.batchesPerEpoch
        ? `in epoch ${epoch} of ${this.lastEpoch}, after batch ${this.batchInEpoch} of ${this.batchesPerEpoch}`
        : `after epoch ${epoch} of ${this.lastEpoch}`;
    throw new InterruptedError(
      `Training stopped ${where}. The model keeps the weights it has learned so far, and every variable is kept.`,
    );
  }

  private update(): void {
    if (!this.show) return;
    const perEpoch = this.batchesPerEpoch ?? 0;
    const epoch = Math.min(this.lastEpoch, this.epoch + 1);
    const message: ProgressMessage = {
      type: 'progress',
      cellId: this.cell,
      displayId: this.displayId,
      label: `Training, epoch ${epoch}/${this.lastEpoch}`,
      value: this.batchesDone,
      max: perEpoch * this.epochs,
      elapsedMs: Date.now() - this.started,
    };
    const postfix = formatPostfix(this.metrics);
    if (postfix) message.postfix = postfix;
    if (this.longestStep > 0) message.stopWithinMs = this.longestStep;
    this.throttle.push(message);
  }
}

/** The numbers in tfjs's logs (`loss`, `acc`, `val_loss`, …), reading scalar tensors. */
async function readLogs(logs: TrainingLogs | undefined): Promise<Record<string, number>> {
  const read: Record<string, number> = {};
  for (const [name, value] of Object.entries(logs ?? {})) {
    if (name === 'batch' || name === 'size') continue;
    const number = await readValue(value as LogValue);
    if (number !== undefined) read[name] = number;
  }
  return read;
}

async function readValue(value: LogValue): Promise<number | undefined> {
  if (typeof value === 'number') return value;
  if (typeof value !== 'object' || value === null || typeof value.data !== 'function') {
    return undefined;
  }
  try {
    return (await value.data())[0];
  } catch {
    // A tensor tfjs already disposed: the next read shows the value.
    return undefined;
  }
}
