/**
 * `display()`: show a value now, and update it in place later.
 */
import type { MimeBundle } from '../protocol/messages';
import { MIME } from '../protocol/messages';
import { kernelContext, newDisplayId } from './context';
import { MIMEBUNDLE, type Displayable } from './displayable';
import { toMimeBundle } from './mime';
import { Throttle } from './throttle';

/** Updates of one output are sent at most this often (about 15 per second). */
export const DISPLAY_UPDATE_INTERVAL_MS = 1000 / 15;

export interface DisplayHandle {
  /** The output's id in the page. */
  readonly id: string;
  /** Replaces what the output shows. Fast loops are fine: the page gets ~15 frames/s. */
  update(value: unknown): void;
}

export interface DisplayOptions {
  /** Choose the output's id yourself (by default a fresh one). */
  id?: string;
}

/**
 * Shows a value below the cell, even in the middle of it, and returns a handle to
 * update it. Anything displays: numbers, objects, tensors, tables, plots.
 *
 * @example
 * const status = display('starting…')
 * for (let step = 1; step <= 3; step++) {
 *   status.update(`step ${step} of 3`)
 * }
 */
export function display(value: unknown, options: DisplayOptions = {}): DisplayHandle {
  const context = kernelContext();
  const cell = context.cellId();
  const id = options.id ?? newDisplayId();
  // An output that showed nothing yet is created by its first real update.
  let shown = false;
  const show = (data: MimeBundle): void => {
    if (shown) context.emit({ type: 'update-display', cellId: cell, displayId: id, data });
    else context.emit({ type: 'display', cellId: cell, displayId: id, data });
    shown = true;
  };
  const throttle = new Throttle<unknown>(DISPLAY_UPDATE_INTERVAL_MS, (latest) => {
    const data = toMimeBundle(latest);
    if (data) show(data);
  });
  const first = toMimeBundle(value);
  if (first) {
    show(first);
    throttle.markSent();
  }
  return { id, update: (next: unknown) => throttle.push(next) };
}

class Rich implements Displayable {
  constructor(
    private readonly mime: string,
    readonly text: string,
  ) {}

  [MIMEBUNDLE](): MimeBundle {
    return { [this.mime]: this.text, [MIME.text]: this.text };
  }
}

/**
 * Markdown to show as formatted text, math included. Use it as a cell's last line
 * or pass it to `display`.
 *
 * @example
 * const accuracy = 0.93
 * md(`**Accuracy:** ${accuracy * 100}%`)
 */
export function md(text: string): Displayable & { readonly text: string } {
  return new Rich(MIME.markdown, text);
}

/**
 * HTML to show as is (scripts and event handlers are removed for safety).
 *
 * @example
 * html('<b>Done</b> in 3 epochs')
 */
export function html(text: string): Displayable & { readonly text: string } {
  return new Rich(MIME.html, text);
}
