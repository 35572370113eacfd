/**
 * One queued execution of a cell. A Run all shares one batch between its jobs, so an
 * error can take the rest of that batch (and only that batch) out of the queue.
 */
import type { CellStatus } from './cell-run';

export interface Batch {
  aborted: boolean;
}

export interface Job {
  cellId: string;
  code: string;
  batch?: Batch;
  continueOnError: boolean;
  /** The cell's status before it was queued, restored when a batch is abandoned. */
  statusBefore: CellStatus;
  stopRequested: boolean;
  /** The longest step the running cell reported between reads of Stop (a training batch). */
  stopWithinMs?: number;
  resolve: (ok: boolean) => void;
  settled: Promise<boolean>;
}

export function createJob(
  fields: Pick<Job, 'cellId' | 'code' | 'batch' | 'continueOnError' | 'statusBefore'>,
): Job {
  let resolve: (ok: boolean) => void = () => undefined;
  const settled = new Promise<boolean>((done) => (resolve = done));
  return { ...fields, stopRequested: false, resolve, settled };
}

export function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}
