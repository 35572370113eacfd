/**
 * Errors from a cell → what the learner sees: a name, a message and the line in the
 * cell's own source.
 *
 * Runtime errors carry a stack whose frames name the cell's script by its `sourceURL`
 * (`playgrad-cell-<n>.js:LINE:COL` in V8, Firefox and Safari alike); the first such
 * frame is where the cell was when it failed, even when the throw happened deeper in a
 * library. Cell line = script line − header lines; the column goes back through the
 * rewrite's map.
 */
import type { SourceMapSegment } from 'magic-string';
import { CellSyntaxError } from './cell-error';
import { isOutOfMemory } from './out-of-memory';

export interface CellErrorInfo {
  ename: string;
  message: string;
  /** 1-based line in the cell's own source, when known. */
  line?: number;
  /** 1-based column in the transpiled cell, when known. */
  column?: number;
  /** The kernel could not get the memory it asked for (out-of-memory.ts). */
  outOfMemory?: boolean;
}

export interface ScriptInfo {
  sourceName: string;
  headerLines: number;
  mappings: SourceMapSegment[][];
}

export function describeError(thrown: unknown, script?: ScriptInfo): CellErrorInfo {
  if (thrown instanceof CellSyntaxError) {
    return withPosition(
      { ename: 'SyntaxError', message: thrown.message },
      thrown.line,
      thrown.column,
    );
  }
  if (!(thrown instanceof Error)) return { ename: 'Error', message: describeValue(thrown) };
  // The lib's InterruptedError: the learner pressed Stop, which is not a bug in the cell.
  const ename = thrown.name === 'InterruptedError' ? 'Interrupted' : thrown.name || 'Error';
  const info: CellErrorInfo = { ename, message: thrown.message };
  if (isOutOfMemory(thrown)) info.outOfMemory = true;
  if (!script) return info;
  const position = findPosition(thrown.stack ?? '', script);
  return position ? withPosition(info, position.line, position.column) : info;
}

function findPosition(
  stack: string,
  script: ScriptInfo,
): { line: number; column: number } | undefined {
  const pattern = new RegExp(`${escapeRegExp(script.sourceName)}:(\\d+):(\\d+)`);
  const match = pattern.exec(stack);
  if (!match) return undefined;
  const line = Number(match[1]) - script.headerLines;
  if (line < 1) return undefined;
  return { line, column: originalColumn(script.mappings[line - 1], Number(match[2])) };
}

/** Maps a 1-based column of the rewritten line back to the transpiled cell's column. */
function originalColumn(segments: SourceMapSegment[] | undefined, column: number): number {
  let best: SourceMapSegment | undefined;
  for (const segment of segments ?? []) {
    if (segment[0] > column - 1) break;
    best = segment;
  }
  const sourceColumn = best?.[3];
  if (!best || sourceColumn === undefined) return column;
  return sourceColumn + (column - 1 - best[0]) + 1;
}

function withPosition(
  info: CellErrorInfo,
  line: number,
  column: number | undefined,
): CellErrorInfo {
  return column === undefined ? { ...info, line } : { ...info, line, column };
}

/** `throw "x"` or `throw {code: 1}`: say what was thrown. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // Cyclic or otherwise unserialisable: fall back to String().
  }
  return String(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
