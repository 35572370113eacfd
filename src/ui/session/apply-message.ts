/**
 * Applies one kernel message to the cells' outputs. `update-display` and `progress` may
 * touch any cell (a live chart made by one cell and updated by another, or by a timer
 * after its cell ended); the rest go to the message's own cell.
 */
import { assertNever, type MimeBundle } from '../../protocol/messages';
import type { CellOutput } from '../../notebook/outputs';
import { emptyCellRun, type CellRun } from './cell-run';
import type { CellMessage } from './kernel-client';
import { appendStream, findDisplay, progressBundle, replaceDisplay } from './outputs-reducer';

export function applyCellMessage(cells: Record<string, CellRun>, message: CellMessage): void {
  switch (message.type) {
    case 'stream': {
      const cell = cellOf(cells, message.cellId);
      cell.outputs = appendStream(cell.outputs, message.name, message.text);
      return;
    }
    case 'display':
      append(cells, message.cellId, {
        type: 'display',
        displayId: message.displayId,
        data: message.data,
      });
      return;
    case 'update-display':
      updateDisplay(cells, message.displayId, message.data);
      return;
    case 'result':
      append(cells, message.cellId, { type: 'result', data: message.data });
      return;
    case 'error':
      append(cells, message.cellId, {
        type: 'error',
        ename: message.ename,
        message: message.message,
        line: message.line,
      });
      return;
    case 'progress': {
      const data = progressBundle(message);
      if (!updateDisplay(cells, message.displayId, data)) {
        append(cells, message.cellId, { type: 'display', displayId: message.displayId, data });
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

function append(cells: Record<string, CellRun>, cellId: string, output: CellOutput): void {
  const cell = cellOf(cells, cellId);
  cell.outputs = [...cell.outputs, output];
}

/** Replaces the display with this id in whichever cell holds it; false when none does. */
function updateDisplay(
  cells: Record<string, CellRun>,
  displayId: string,
  data: MimeBundle,
): boolean {
  for (const cell of Object.values(cells)) {
    if (findDisplay(cell.outputs, displayId) < 0) continue;
    cell.outputs = replaceDisplay(cell.outputs, displayId, data) ?? cell.outputs;
    return true;
  }
  return false;
}
