/**
 * A cell's source → an evaluable script, plus what it defines and uses.
 *
 * transpile (TS → JS, same lines) → analyze (acorn + periscopic) → rewrite (top-level
 * names onto the shared scope) → wrap in one header line:
 *
 *   (async function (__pg) {"use strict";__pg.publish("f", f);
 *   <body: cell line L is script line L + 1>
 *   })
 *   //# sourceURL=playgrad-cell-<n>.js
 *
 * The `sourceURL` names the script in stack traces, which is how runtime errors find
 * their line in the cell (see error-location.ts).
 */
import type { SourceMapSegment } from 'magic-string';
import { analyzeCell } from './analyze';
import { CellSyntaxError } from './cell-error';
import { isReservedName } from './reserved';
import { rewriteCell, type RewriteOptions } from './rewrite';
import { transpile } from './transpile';

export { CellSyntaxError } from './cell-error';

export interface CompiledCell {
  /** The script to evaluate: an expression whose value is `async (__pg) => result`. */
  js: string;
  /** Top-level names the cell declares (shared with later cells). */
  defines: string[];
  /** Free names the cell references. */
  uses: string[];
  /** Whether the last statement is an expression whose value is the cell's result. */
  hasResult: boolean;
  /** The script's name in stack traces: `playgrad-cell-<n>.js`. */
  sourceName: string;
  /** Lines of the script before the cell's first line. */
  headerLines: number;
  /** Body position → transpiled-cell position (0-based lines and columns). */
  mappings: SourceMapSegment[][];
}

export type CompileOptions = RewriteOptions;

let compiledCount = 0;

export function compileCell(source: string, options: CompileOptions = {}): CompiledCell {
  const transpiled = transpile(source);
  const { program, definitions, defines, uses } = analyzeCell(transpiled);
  const reserved = definitions.find((definition) => isReservedName(definition.name));
  if (reserved) {
    throw new CellSyntaxError(
      `\`${reserved.name}\` is a built-in name; choose another name`,
      reserved.line,
    );
  }
  const rewritten = rewriteCell(transpiled, program, options);
  compiledCount += 1;
  const sourceName = `playgrad-cell-${compiledCount}.js`;
  const publish = rewritten.functions
    .map((name) => `__pg.publish(${JSON.stringify(name)}, ${name});`)
    .join('');
  const js =
    `(async function (__pg) {"use strict";${publish}\n` +
    `${rewritten.body}\n})\n//# sourceURL=${sourceName}`;
  return {
    js,
    defines,
    uses,
    hasResult: rewritten.hasResult,
    sourceName,
    headerLines: 1,
    mappings: rewritten.mappings,
  };
}
