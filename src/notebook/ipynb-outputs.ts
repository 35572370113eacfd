/**
 * Cell outputs ↔ Jupyter (nbformat 4.5) outputs. Outputs keep their MIME bundles, so
 * GitHub and Jupyter show what the kernel displayed.
 *
 * nbformat's schema forbids extra keys on outputs (`transient` is a messaging field
 * that Jupyter never writes to disk), so an updatable display keeps its id in the
 * output's metadata: `metadata.playgrad.display_id`. Both places are read on import.
 */
import type { MimeBundle } from '../protocol/messages';
import type { CellOutput } from './outputs';

export type JupyterOutput =
  | { output_type: 'stream'; name: string; text: string | string[] }
  | {
      output_type: 'display_data';
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }
  | {
      output_type: 'execute_result';
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
      execution_count: number | null;
    }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

/** JSON MIME types hold any JSON; every other type must be a (multi-line) string. */
const JSON_MIME = /^application\/(.*\+)?json$/;

const TRACEBACK_LINE = /^ {4}at line (\d+) of the cell$/;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Jupyter writes multi-line strings as a string or as a list of lines. */
export function joinMultiline(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((line) => typeof line === 'string'))
    return value.join('');
  return undefined;
}

/** Jupyter's list-of-lines form: each line keeps its '\n'. */
export function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

function bundleToJupyter(data: MimeBundle): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [mime, value] of Object.entries(data)) {
    out[mime] = JSON_MIME.test(mime) || typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

function bundleFromJupyter(data: unknown): MimeBundle {
  const out: MimeBundle = {};
  if (!isRecord(data)) return out;
  for (const [mime, value] of Object.entries(data)) {
    out[mime] = JSON_MIME.test(mime) ? value : (joinMultiline(value) ?? value);
  }
  return out;
}

export function outputToJupyter(output: CellOutput, executionCount: number | null): JupyterOutput {
  switch (output.type) {
    case 'stream':
      return { output_type: 'stream', name: output.name, text: output.text };
    case 'display':
      return {
        output_type: 'display_data',
        data: bundleToJupyter(output.data),
        metadata: output.displayId ? { playgrad: { display_id: output.displayId } } : {},
      };
    case 'result':
      return {
        output_type: 'execute_result',
        data: bundleToJupyter(output.data),
        metadata: {},
        execution_count: executionCount,
      };
    case 'error': {
      const traceback = [`${output.ename}: ${output.message}`];
      if (output.line !== undefined) traceback.push(`    at line ${output.line} of the cell`);
      return { output_type: 'error', ename: output.ename, evalue: output.message, traceback };
    }
    default: {
      const unknown: never = output;
      throw new Error(`unknown output ${JSON.stringify(unknown)}`);
    }
  }
}

/** A Jupyter output as a CellOutput; `undefined` for kinds Playgrad does not show. */
export function outputFromJupyter(output: unknown): CellOutput | undefined {
  if (!isRecord(output)) return undefined;
  switch (output.output_type) {
    case 'stream':
      return {
        type: 'stream',
        name: output.name === 'stderr' ? 'stderr' : 'stdout',
        text: joinMultiline(output.text) ?? '',
      };
    case 'display_data': {
      const displayId = displayIdOf(output);
      const data = bundleFromJupyter(output.data);
      return displayId ? { type: 'display', displayId, data } : { type: 'display', data };
    }
    case 'execute_result':
      return { type: 'result', data: bundleFromJupyter(output.data) };
    case 'error': {
      const traceback = Array.isArray(output.traceback) ? output.traceback : [];
      const lineMatch = traceback
        .map((entry) => (typeof entry === 'string' ? TRACEBACK_LINE.exec(entry) : null))
        .find((match) => match !== null);
      const error: CellOutput = {
        type: 'error',
        ename: typeof output.ename === 'string' ? output.ename : 'Error',
        message: typeof output.evalue === 'string' ? output.evalue : '',
      };
      if (lineMatch) error.line = Number(lineMatch[1]);
      return error;
    }
    default:
      return undefined;
  }
}

function displayIdOf(output: Record<string, unknown>): string | undefined {
  const fromMetadata =
    isRecord(output.metadata) && isRecord(output.metadata.playgrad)
      ? output.metadata.playgrad.display_id
      : undefined;
  const fromTransient = isRecord(output.transient) ? output.transient.display_id : undefined;
  const id = fromMetadata ?? fromTransient;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
