/**
 * Where in the cell an error happened, in words: "at line 3, column 7 of this cell".
 * The line is exact; the column may drift on lines that had type annotations (sucrase
 * keeps lines, not columns), so it is only added beside a line, never alone.
 */
export function errorPlace(line: number | undefined, column: number | undefined): string {
  if (line === undefined) return '';
  const at = column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
  return `at ${at} of this cell`;
}
