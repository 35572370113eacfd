/**
 * How kernel messages become a cell's outputs. Pure functions over arrays so the rules
 * (merge consecutive stream chunks, update a display in place, keep one progress widget
 * per display id) are tested without a worker.
 */
import { MIME, type MimeBundle, type ProgressMessage } from '../../protocol/messages';
import type { CellOutput } from '../../notebook/outputs';

/** The widget payload a `progress` message is kept as, so renderers see a normal display. */
export interface ProgressWidget {
  kind: 'progress';
  label: string;
  value: number;
  max: number;
}

export function progressBundle(message: ProgressMessage): MimeBundle {
  const widget: ProgressWidget = {
    kind: 'progress',
    label: message.label,
    value: message.value,
    max: message.max,
  };
  const percent = message.max > 0 ? Math.round((100 * message.value) / message.max) : 0;
  return {
    [MIME.widget]: widget,
    [MIME.text]: `${message.label} ${message.value}/${message.max} (${percent}%)`,
  };
}

/** Appends a stream chunk, merging it into the previous output when it is the same stream. */
export function appendStream(
  outputs: readonly CellOutput[],
  name: 'stdout' | 'stderr',
  text: string,
): CellOutput[] {
  const last = outputs[outputs.length - 1];
  if (last?.type === 'stream' && last.name === name) {
    return [...outputs.slice(0, -1), { type: 'stream', name, text: last.text + text }];
  }
  return [...outputs, { type: 'stream', name, text }];
}

/** Index of the display output with this id, or -1. */
export function findDisplay(outputs: readonly CellOutput[], displayId: string): number {
  return outputs.findIndex((output) => output.type === 'display' && output.displayId === displayId);
}

/** Replaces the data of the display with this id; returns undefined when there is none. */
export function replaceDisplay(
  outputs: readonly CellOutput[],
  displayId: string,
  data: MimeBundle,
): CellOutput[] | undefined {
  const index = findDisplay(outputs, displayId);
  if (index < 0) return undefined;
  const next = outputs.slice();
  next[index] = { type: 'display', displayId, data };
  return next;
}
