/**
 * The result of running a notebook headless: the object `playgrad run --json` prints
 * (DESIGN.md §6). Shared by the in-page runner and the Node command.
 */
import type { MimeBundle } from '../../protocol/messages';
import type { CellOutput } from '../../notebook/outputs';

export type CellRunStatus = 'ok' | 'error' | 'skipped';

export interface CellReport {
  id: string;
  /** 1-based position among the notebook's code cells. */
  index: number;
  role: string;
  status: CellRunStatus;
  ms: number;
  outputs: MimeBundle[];
  error?: { ename: string; message: string; line?: number };
  /** Live tfjs tensors in the kernel after this cell. */
  tensors?: number;
}

export interface NotebookReport {
  notebook: string;
  ok: boolean;
  /** The compute backend the kernel chose, e.g. "wasm". */
  backend?: string;
  /** Threads WASM ran on, when it ran multi-threaded (a cross-origin isolated page). */
  threads?: number;
  ms: number;
  cells: CellReport[];
  /**
   * Live tfjs tensors after the last cell that ran. The kernel starts with none, so a
   * lesson that disposes what it creates ends at 0.
   */
  tensors?: number;
  /** Set when the notebook could not be run at all (a parse error). */
  error?: string;
}

/** A cell's outputs as MIME bundles; a stream becomes plain text. */
export function outputsAsBundles(outputs: CellOutput[]): MimeBundle[] {
  const bundles: MimeBundle[] = [];
  for (const output of outputs) {
    switch (output.type) {
      case 'stream':
        bundles.push({ 'text/plain': output.text });
        break;
      case 'display':
      case 'result':
        bundles.push(output.data);
        break;
      case 'error':
        // Reported in the cell's `error` field.
        break;
    }
  }
  return bundles;
}

export function firstError(outputs: CellOutput[]): CellReport['error'] {
  for (const output of outputs) {
    if (output.type === 'error') {
      const { ename, message, line } = output;
      return line === undefined ? { ename, message } : { ename, message, line };
    }
  }
  return undefined;
}
