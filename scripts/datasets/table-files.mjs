// Reading the source files and writing our CSVs: the small shared toolkit of dataset modules.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { csvFormatRows } from 'd3-dsv';

/** Where Debian's python3-* packages install modules (paths below are relative to it). */
export const PYTHON_PACKAGES = 'usr/lib/python3/dist-packages';

/** The text of a file, gunzipped when its name ends in .gz. */
export function readText(path) {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Non-empty lines, each split on commas or runs of whitespace (numeric source files only). */
export function readNumberTable(path, separator = /\s+/) {
  return readText(path)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split(separator).map(parseNumber));
}

/** A number from a source cell; refuses anything that is not one, so bad input stops the build. */
export function parseNumber(cell) {
  const value = Number(cell);
  if (cell.trim() === '' || !Number.isFinite(value)) {
    throw new Error(`Expected a number, found ${JSON.stringify(cell)}`);
  }
  return value;
}

/**
 * CSV text with a header row. Numbers are written in JavaScript's shortest round-trip form
 * (101.0 -> 101, 1.51e+02 -> 151) so the file reads naturally; null/undefined become empty.
 * @param {string[]} columns
 * @param {Record<string, string | number | null>[]} records
 */
export function formatCsv(columns, records) {
  const body = records.map((record) =>
    columns.map((column) => {
      const value = record[column];
      if (value === null || value === undefined) return '';
      return String(value);
    }),
  );
  return `${csvFormatRows([columns, ...body])}\n`;
}
