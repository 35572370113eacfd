/**
 * Applies kernel messages to the cells' outputs. `update-display` and `progress` may
 * touch any cell (a live chart made by one cell and updated by another, or by a timer
 * after its cell ended); the rest go to the message's own cell.
 *
 * A batch of messages works on one plain copy of each touched cell's outputs and assigns
 * it back once, so a frame's worth of messages costs one update per cell, not one copy of
 * every output per message. It returns how many outputs were added (the page adds only so
 * many per frame: frame-queue.ts).
 */
import { assertNever, type MimeBundle } from '../../protocol/messages';
import type { CellOutput } from '../../notebook/outputs';
import { emptyCellRun, type CellRun } from './cell-run';
import type { CellMessage } from './kernel-client';
import {
  appendOutput,
  appendStream,
  findDisplay,
  progressBundle,
  replaceDisplay,
} from './outputs-reducer';

export function applyCellMessages(
  cells: Record<string, CellRun>,
  messages: readonly CellMessage[],
): number {
  const working = new Map<string, CellOutput[]>();
  const outputs: WorkingOutputs = {
    of(cellId) {
      let copy = working.get(cellId);
      if (!copy) {
        copy = cellOf(cells, cellId).outputs.slice();
        working.set(cellId, copy);
      }
      return copy;
    },
    peek: (cellId) => working.get(cellId) ?? cells[cellId]?.outputs ?? [],
  };
  const lengthBefore = new Map<string, number>();
  for (const message of messages) {
    if (!lengthBefore.has(message.cellId)) {
      lengthBefore.set(message.cellId, outputs.peek(message.cellId).length);
    }
    applyOne(cells, outputs, message);
  }
  let added = 0;
  for (const [cellId, copy] of working) {
    added += Math.max(0, copy.length - (lengthBefore.get(cellId) ?? copy.length));
    cellOf(cells, cellId).outputs = copy;
  }
  return added;
}

interface WorkingOutputs {
  /** The cell's working copy, made on first use. */
  of(cellId: string): CellOutput[];
  /** The cell's outputs as they are now, without copying them. */
  peek(cellId: string): readonly CellOutput[];
}

function applyOne(
  cells: Record<string, CellRun>,
  outputs: WorkingOutputs,
  message: CellMessage,
): void {
  switch (message.type) {
    case 'stream':
      appendStream(outputs.of(message.cellId), message.name, message.text, message.dropped);
      return;
    case 'display':
      appendOutput(outputs.of(message.cellId), {
        type: 'display',
        displayId: message.displayId,
        data: message.data,
      });
      return;
    case 'update-display':
      updateDisplay(cells, outputs, message.displayId, message.data);
      return;
    case 'result':
      appendOutput(outputs.of(message.cellId), { type: 'result', data: message.data });
      return;
    case 'error':
      appendOutput(outputs.of(message.cellId), {
        type: 'error',
        ename: message.ename,
        message: message.message,
        line: message.line,
        column: message.column,
      });
      return;
    case 'progress': {
      const data = progressBundle(message);
      if (!updateDisplay(cells, outputs, message.displayId, data)) {
        appendOutput(outputs.of(message.cellId), {
          type: 'display',
          displayId: message.displayId,
          data,
        });
      }
      return;
    }
    default:
      assertNever(message);
  }
}

/** Reads the cell back through the record: in the app that returns the reactive proxy. */
function cellOf(cells: Record<string, CellRun>, cellId: string): CellRun {
  if (!(cellId in cells)) cells[cellId] = emptyCellRun();
  return cells[cellId];
}

/** Replaces the display with this id in whichever cell holds it; false when none does. */
function updateDisplay(
  cells: Record<string, CellRun>,
  outputs: WorkingOutputs,
  displayId: string,
  data: MimeBundle,
): boolean {
  for (const cellId of Object.keys(cells)) {
    if (findDisplay(outputs.peek(cellId), displayId) < 0) continue;
    return replaceDisplay(outputs.of(cellId), displayId, data);
  }
  return false;
}
