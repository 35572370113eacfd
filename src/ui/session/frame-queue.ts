/**
 * Kernel messages wait here and are applied to the page at most once per animation frame.
 * A flood (a loop printing, a timer displaying) then costs the page one update per frame
 * instead of one per message, and the page keeps drawing frames, so Stop and Restart
 * stay clickable.
 *
 * Rules: consecutive text of one stream of one cell is merged while it waits (keeping its
 * tail, protocol/stream-tail.ts), so a hidden tab, which gets no frames, holds a bounded
 * queue; a frame adds at most MAX_NEW_OUTPUTS_PER_FRAME new outputs (3,000 `display()`
 * calls become 150 frames, not one frozen one); `drained()` resolves once everything that
 * arrived has been applied, so a cell is marked done only with all its outputs shown.
 */
import type { StreamMessage } from '../../protocol/messages';
import { appendToTail, countNewlines, trimTail } from '../../protocol/stream-tail';
import type { CellMessage } from './kernel-client';

export const MAX_NEW_OUTPUTS_PER_FRAME = 20;

/** Hidden tabs get no animation frames: a timer still applies outputs, less often. */
const HIDDEN_TAB_FALLBACK_MS = 250;

export type FrameScheduler = (callback: () => void) => void;

/** The next animation frame in a browser; the next microtask elsewhere (unit tests, Node). */
export function nextFrame(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    queueMicrotask(callback);
    return;
  }
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    callback();
  };
  const timer = setTimeout(once, HIDDEN_TAB_FALLBACK_MS);
  requestAnimationFrame(once);
}

export class FrameQueue {
  private queue: CellMessage[] = [];
  private scheduled = false;
  private waiters: Array<() => void> = [];

  constructor(
    /** Applies messages; returns how many outputs they added. */
    private readonly apply: (messages: CellMessage[]) => number,
    private readonly schedule: FrameScheduler = nextFrame,
  ) {}

  push(message: CellMessage): void {
    const last = this.queue.at(-1);
    if (
      message.type === 'stream' &&
      last?.type === 'stream' &&
      last.cellId === message.cellId &&
      last.name === message.name
    ) {
      this.queue[this.queue.length - 1] = mergeStreamMessages(last, message);
    } else {
      this.queue.push(message);
    }
    this.request();
  }

  /** Resolves when every message pushed so far has been applied. */
  drained(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Applies everything now (before an output the page adds itself, such as a Stop note). */
  flushAll(): void {
    const messages = this.queue;
    this.queue = [];
    if (messages.length > 0) this.apply(messages);
    this.release();
  }

  private request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.runFrame();
    });
  }

  private runFrame(): void {
    // Only outputs actually added count: once a cell keeps its maximum, the rest are cheap.
    let added = 0;
    while (this.queue.length > 0 && added < MAX_NEW_OUTPUTS_PER_FRAME) {
      let taken = 0;
      let adding = 0;
      while (taken < this.queue.length && added + adding < MAX_NEW_OUTPUTS_PER_FRAME) {
        if (addsOutput(this.queue[taken])) adding += 1;
        taken += 1;
      }
      added += this.apply(this.queue.splice(0, taken));
    }
    if (this.queue.length > 0) this.request();
    else this.release();
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** Displays, results and errors add an output; streams and updates change one in place. */
function addsOutput(message: CellMessage): boolean {
  return message.type === 'display' || message.type === 'result' || message.type === 'error';
}

/** One stream message with the text of both, keeping the tail and counting what was dropped. */
export function mergeStreamMessages(first: StreamMessage, second: StreamMessage): StreamMessage {
  let tail = { text: first.text, newlines: countNewlines(first.text), dropped: first.dropped ?? 0 };
  if (second.dropped) {
    // Lines were dropped between the two: the first's text is among them.
    tail = { text: '', newlines: 0, dropped: tail.dropped + tail.newlines + second.dropped };
  }
  tail = trimTail(appendToTail(tail, second.text));
  const merged: StreamMessage = { ...second, text: tail.text };
  if (tail.dropped > 0) merged.dropped = tail.dropped;
  else delete merged.dropped;
  return merged;
}
