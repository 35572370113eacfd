/**
 * Rate limiting for outputs that change while a cell runs (live displays, progress bars).
 *
 * A training loop can update a chart thousands of times a second; the UI needs a few
 * frames a second. Values are sent at most once per interval, and the last value is
 * always delivered (a trailing flush), so the final state on screen is the true one.
 *
 * The check happens on every `push`, not only in a timer: a synchronous loop blocks the
 * worker's timers, yet its updates should still reach the page while it runs.
 */

const withPending = new Set<Throttle<unknown>>();

export class Throttle<T> {
  private lastSent = Number.NEGATIVE_INFINITY;
  private pending: { value: T } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (value: T) => void,
  ) {}

  /** Sends now if the interval has passed, otherwise keeps the value for later. */
  push(value: T): void {
    const wait = this.lastSent + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.clearPending();
      this.deliver(value);
      return;
    }
    this.pending = { value };
    withPending.add(this as Throttle<unknown>);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  /** Counts a value sent another way (the first display) towards the rate limit. */
  markSent(): void {
    this.lastSent = Date.now();
  }

  /** Sends the kept value, if any, now. */
  flush(): void {
    const pending = this.pending;
    this.clearPending();
    if (pending) this.deliver(pending.value);
  }

  private deliver(value: T): void {
    this.lastSent = Date.now();
    this.send(value);
  }

  private clearPending(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    withPending.delete(this as Throttle<unknown>);
  }
}

/**
 * Delivers every kept value now. The kernel calls it when a cell finishes, so the last
 * update reaches the page before the cell is reported done.
 */
export function flushPendingOutputs(): void {
  for (const throttle of [...withPending]) throttle.flush();
}
