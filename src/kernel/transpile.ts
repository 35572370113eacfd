/**
 * TypeScript → JavaScript for one cell, with sucrase.
 *
 * Sucrase only removes types (it replaces them with spaces or nothing on the same line),
 * so every line of the output is the same line of the input: error line numbers need no
 * source map. Imports are kept as written (the rewrite step turns them into lookups in
 * the kernel's module map), and `keepUnusedImports` keeps an import whose binding this
 * cell does not use, since later cells may use it.
 */
import { transform } from 'sucrase';
import { CellSyntaxError, hasLineAndColumn } from './cell-error';

export function transpile(source: string): string {
  try {
    return transform(source, {
      transforms: ['typescript'],
      disableESTransforms: true,
      keepUnusedImports: true,
    }).code;
  } catch (error) {
    throw toCellSyntaxError(error);
  }
}

/** Sucrase's errors carry `loc: { line, column }` (both 1-based) and "(line:col)" in the text. */
function toCellSyntaxError(error: unknown): Error {
  if (!(error instanceof Error)) return new CellSyntaxError(String(error), 1);
  const loc: unknown = Reflect.get(error, 'loc');
  if (hasLineAndColumn(loc)) {
    const message = error.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
    return new CellSyntaxError(message, loc.line, loc.column);
  }
  return error;
}
