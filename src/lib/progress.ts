/**
 * `progress()`: a live progress bar around a loop, which is also where Stop is honoured.
 */
import type { ProgressMessage } from '../protocol/messages';
import { kernelContext, newDisplayId, throwIfInterrupted } from './context';
import { nextMacrotask } from './next-macrotask';
import { Throttle } from './throttle';

/** Bar updates are sent at most this often (10 per second), plus the final state. */
export const PROGRESS_UPDATE_INTERVAL_MS = 100;
/** How long an async loop may run before it lets the kernel read its messages (Stop). */
export const YIELD_EVERY_MS = 25;

export interface ProgressOptions {
  /** Text shown next to the bar. */
  label?: string;
  /** Number of steps, when the source cannot tell (a generator). */
  total?: number;
}

/** Loop over it with `for … of` or, so that Stop works gently, `for await … of`. */
export interface Progress<T> extends Iterable<T>, AsyncIterable<T> {
  /** The bar's id in the page. */
  readonly id: string;
  /**
   * Values shown after the bar's times, as tqdm's `set_postfix`: `bar.postfix({ loss })`
   * shows "loss=0.231". A string is shown as it is.
   */
  postfix(values: PostfixValues | string): void;
}

/** Named values for a bar's postfix; numbers are shown with 3 significant digits. */
export type PostfixValues = Readonly<Record<string, number | string>>;

/** `{ loss: 0.23104, epoch: 2 }` → "loss=0.231, epoch=2" (tqdm's look). */
export function formatPostfix(values: PostfixValues | string): string {
  if (typeof values === 'string') return values;
  return Object.entries(values)
    .map(([name, value]) => `${name}=${typeof value === 'number' ? formatNumber(value) : value}`)
    .join(', ');
}

function formatNumber(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(3)));
}

/**
 * A progress bar for a loop. Give it a number of steps or anything you can loop over.
 *
 * Prefer `for await`: between steps it briefly lets the kernel listen, so the Stop
 * button ends the loop cleanly. With a plain `for … of`, Stop can only end the loop
 * by restarting the kernel.
 *
 * @example
 * for await (const epoch of progress(20, { label: 'training' })) {
 *   // one epoch of training here
 * }
 *
 * @example
 * for (const name of progress(['a', 'b', 'c'])) {
 *   console.log(name)
 * }
 *
 * @example
 * // The bar shows elapsed time, rate and time left; add your own values after them.
 * const bar = progress(100, { label: 'steps' });
 * for await (const step of bar) {
 *   const loss = 1 / (step + 1);
 *   bar.postfix({ loss });
 * }
 */
export function progress(steps: number, options?: ProgressOptions): Progress<number>;
export function progress<T>(source: Iterable<T>, options?: ProgressOptions): Progress<T>;
export function progress<T>(source: Iterable<T> | number, options: ProgressOptions = {}) {
  if (typeof source === 'number') {
    if (!Number.isInteger(source) || source < 0) {
      throw new RangeError(`progress(n) needs a whole number of steps, got ${source}`);
    }
    return new ProgressBar(range(source), options.total ?? source, options.label);
  }
  return new ProgressBar(source, options.total ?? knownLength(source), options.label);
}

function* range(count: number): Generator<number> {
  for (let i = 0; i < count; i++) yield i;
}

function knownLength(source: Iterable<unknown>): number | undefined {
  const sized = source as { length?: unknown; size?: unknown };
  if (typeof sized.length === 'number') return sized.length;
  if (typeof sized.size === 'number') return sized.size;
  return undefined;
}

class ProgressBar<T> implements Progress<T> {
  readonly id = newDisplayId();
  private postfixText = '';

  constructor(
    private readonly source: Iterable<T>,
    private readonly total: number | undefined,
    private readonly label = '',
  ) {}

  postfix(values: PostfixValues | string): void {
    this.postfixText = formatPostfix(values);
  }

  [Symbol.iterator](): Iterator<T> {
    const run = this.start();
    return { next: () => run.step(), return: (value?: unknown) => run.finish(value) };
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    const run = this.start();
    let lastYield = Date.now();
    return {
      next: async () => {
        if (Date.now() - lastYield >= YIELD_EVERY_MS) {
          await nextMacrotask();
          lastYield = Date.now();
        }
        return run.step();
      },
      return: async (value?: unknown) => run.finish(value),
    };
  }

  /** One pass over the source: its own count, the bar reset to 0. */
  private start() {
    const context = kernelContext();
    const cell = context.cellId();
    const started = Date.now();
    // max 0 tells the UI the total is unknown (an indeterminate bar).
    const message = (value: number, max: number): ProgressMessage => ({
      type: 'progress',
      cellId: cell,
      displayId: this.id,
      label: this.label,
      value,
      max,
      elapsedMs: Date.now() - started,
      ...(this.postfixText ? { postfix: this.postfixText } : {}),
    });
    const throttle = new Throttle<ProgressMessage>(PROGRESS_UPDATE_INTERVAL_MS, (m) =>
      context.emit(m),
    );
    const iterator = this.source[Symbol.iterator]();
    // Items handed to the loop so far: the bar's value.
    let returned = 0;
    let finished = false;
    const finish = (value?: unknown): IteratorResult<T> => {
      if (!finished) {
        finished = true;
        throttle.push(message(returned, this.total ?? returned));
        throttle.flush();
        iterator.return?.();
      }
      return { done: true, value: value as T };
    };
    throttle.push(message(0, this.total ?? 0));
    const step = (): IteratorResult<T> => {
      if (finished) return { done: true, value: undefined };
      try {
        throwIfInterrupted();
      } catch (error) {
        finish();
        throw error;
      }
      throttle.push(message(returned, this.total ?? 0));
      const next = iterator.next();
      if (next.done) return finish();
      returned += 1;
      return next;
    };
    return { step, finish };
  }
}
