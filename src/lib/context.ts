/**
 * The link between the `playgrad` helpers and the kernel that runs them.
 *
 * Helpers run inside the kernel worker; they post outputs through the context the
 * kernel installs at start-up. Keeping this one small interface between them lets the
 * helpers be unit-tested in Node with a recording context instead of a worker.
 */
import type { CellId, KernelMessage } from '../protocol/messages';

export interface KernelContext {
  /** Send a message to the UI. */
  emit(message: KernelMessage): void;
  /** The cell that is running now (or ran last: timers fire after their cell ended). */
  cellId(): CellId;
  /** True once the learner pressed Stop, until the next cell starts. */
  interrupted(): boolean;
  /** Absolute URL of the site root (ends with '/'), for datasets. */
  baseUrl: string;
}

let current: KernelContext | undefined;

export function setKernelContext(context: KernelContext | undefined): void {
  current = context;
}

export function kernelContext(): KernelContext {
  if (!current) throw new Error('playgrad helpers only work inside a Playgrad kernel');
  return current;
}

/** Thrown by helpers that check the stop flag; the kernel reports it as "Interrupted". */
export class InterruptedError extends Error {
  constructor(message = 'Stopped by the learner') {
    super(message);
    this.name = 'InterruptedError';
  }
}

export function throwIfInterrupted(): void {
  if (current?.interrupted()) throw new InterruptedError();
}

let displayCounter = 0;

/** A fresh id for an output that will be updated later. */
export function newDisplayId(): string {
  displayCounter += 1;
  return `d${displayCounter}-${Date.now().toString(36)}`;
}
