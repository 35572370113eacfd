/**
 * The error a cell's source raises before it runs: a syntax error, an `export`, an unknown
 * import or a reserved name. It names the line in the cell's own source so the editor can
 * point at it.
 */
export class CellSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based line in the cell's own source. */
    readonly line: number,
    /** 1-based column in the cell's (transpiled) source, when known. */
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/** Parsers (acorn, sucrase) attach `loc: { line, column }` to their errors. */
export function hasLineAndColumn(value: unknown): value is { line: number; column: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'line') === 'number' &&
    typeof Reflect.get(value, 'column') === 'number'
  );
}
