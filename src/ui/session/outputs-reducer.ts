/**
 * How kernel messages become a cell's outputs. Pure functions over arrays so the rules
 * (merge consecutive stream chunks keeping their tail, update a display in place, keep one
 * progress widget per display id, keep at most MAX_OUTPUTS per cell) are tested without a
 * worker. This is the one place streams are merged.
 */
import { MIME, type MimeBundle, type ProgressMessage } from '../../protocol/messages';
import { appendToTail, countNewlines, trimTail } from '../../protocol/stream-tail';
import type { ProgressWidget } from '../../protocol/widgets';
import type { CellOutput } from '../../notebook/outputs';
import { progressTimes } from '../outputs/progress-times';

/**
 * Outputs a cell keeps (displays, results, stream blocks); later ones are counted in one
 * notice. A thousand rendered outputs is already far more than a page can read; keeping the
 * first ones (not the last) keeps every kept output where it was, so nothing re-renders.
 */
export const MAX_OUTPUTS = 1000;

/** The display id of the "output truncated" notice (one per cell). */
export const DROPPED_NOTICE_ID = 'playgrad-outputs-dropped';
/** Where the notice keeps its count (a JSON MIME type, so `.ipynb` export keeps it as is). */
const DROPPED_MIME = 'application/vnd.playgrad.dropped+json';

/** A `progress` message kept as a widget payload, so renderers see a normal display. */
export function progressBundle(message: ProgressMessage): MimeBundle {
  const widget: ProgressWidget = {
    kind: 'progress',
    label: message.label,
    value: message.value,
    max: message.max,
  };
  if (message.elapsedMs !== undefined) widget.elapsedMs = message.elapsedMs;
  if (message.postfix !== undefined) widget.postfix = message.postfix;
  const percent = message.max > 0 ? Math.round((100 * message.value) / message.max) : 0;
  const times = progressTimes(widget);
  return {
    [MIME.widget]: widget,
    [MIME.text]: `${message.label} ${message.value}/${message.max} (${percent}%)${times ? ` ${times}` : ''}`,
  };
}

type StreamOutput = Extract<CellOutput, { type: 'stream' }>;

/**
 * Appends a stream chunk in place (`outputs` is the caller's working copy), merging it into
 * the previous output when it is the same stream and keeping only the stream's tail.
 * `dropped` counts lines the kernel already left out before `text`.
 */
export function appendStream(
  outputs: CellOutput[],
  name: 'stdout' | 'stderr',
  text: string,
  dropped = 0,
): void {
  const last = outputs.at(-1);
  const merging = last?.type === 'stream' && last.name === name;
  const before = merging
    ? {
        text: last.text,
        newlines: last.newlines ?? countNewlines(last.text),
        dropped: last.dropped ?? 0,
      }
    : { text: '', newlines: 0, dropped: 0 };
  if (dropped > 0) {
    // The kernel dropped lines after what is shown: they, and what is shown, are gone.
    before.dropped += before.newlines + dropped;
    before.text = '';
    before.newlines = 0;
  }
  const tail = trimTail(appendToTail(before, text));
  const output: StreamOutput = { type: 'stream', name, text: tail.text, newlines: tail.newlines };
  if (tail.dropped > 0) output.dropped = tail.dropped;
  if (merging) outputs[outputs.length - 1] = output;
  else appendOutput(outputs, output);
}

/** Adds an output unless the cell already keeps MAX_OUTPUTS; then counts it in the notice. */
export function appendOutput(outputs: CellOutput[], output: CellOutput): void {
  // The notice exists only once the cell holds MAX_OUTPUTS: below that, no search.
  if (outputs.length < MAX_OUTPUTS) {
    outputs.push(output);
    return;
  }
  // Past the maximum nothing is added but the notice, so it is the last output.
  const notice = outputs.length > MAX_OUTPUTS ? outputs.length - 1 : -1;
  const count = notice < 0 ? 1 : droppedCount(outputs[notice]) + 1;
  const data = {
    [MIME.text]: `Output truncated: ${count} more output${count === 1 ? ' was' : 's were'} not kept (a cell keeps its first ${MAX_OUTPUTS}).`,
    [DROPPED_MIME]: { count },
  };
  const shown: CellOutput = { type: 'display', displayId: DROPPED_NOTICE_ID, data };
  if (notice < 0) outputs.push(shown);
  else outputs[notice] = shown;
}

function droppedCount(output: CellOutput): number {
  const payload = output.type === 'display' ? output.data[DROPPED_MIME] : undefined;
  const count: unknown = typeof payload === 'object' && payload ? Reflect.get(payload, 'count') : 0;
  return typeof count === 'number' ? count : 0;
}

/** Index of the display output with this id, or -1. */
export function findDisplay(outputs: readonly CellOutput[], displayId: string): number {
  return outputs.findIndex((output) => output.type === 'display' && output.displayId === displayId);
}

/** Replaces, in place, the data of the display with this id; false when there is none. */
export function replaceDisplay(
  outputs: CellOutput[],
  displayId: string,
  data: MimeBundle,
): boolean {
  const index = findDisplay(outputs, displayId);
  if (index < 0) return false;
  outputs[index] = { type: 'display', displayId, data };
  return true;
}
