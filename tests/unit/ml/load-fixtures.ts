/** Reads the datasets the ml tests compare against scikit-learn on. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const here = new URL('.', import.meta.url);

/** scikit-learn's digits.csv.gz (Debian python3-sklearn 1.2.1): 1,797 rows, 64 pixels 0–16, label. */
export function loadDigits(): { X: number[][]; y: number[] } {
  const text = gunzipSync(readFileSync(new URL('fixtures/digits.csv.gz', here))).toString('utf8');
  const rows = text
    .trim()
    .split('\n')
    .map((line) => line.split(',').map(Number));
  return { X: rows.map((row) => row.slice(0, 64)), y: rows.map((row) => row[64]) };
}

/** The project's own datasets/iris.csv: 150 rows, 4 measurements, species name. */
export function loadIris(): { X: number[][]; species: string[] } {
  const text = readFileSync(new URL('../../../datasets/iris.csv', here), 'utf8');
  const rows = text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  return {
    X: rows.map((row) => row.slice(0, 4).map(Number)),
    species: rows.map((row) => row[4]),
  };
}

/**
 * A deterministic wide matrix shaped like image data: a dozen smooth patterns of decaying
 * strength plus weak noise. numpy computes the same formula in the reference script.
 */
export function syntheticWide(n: number, d: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      let value = 0.01 * Math.sin(i * j * 0.31 + 1);
      for (let r = 1; r <= 12; r++) {
        value += 0.7 ** r * Math.sin((i + 1) * r * 0.37 + j * 0.05 * r) * Math.cos(j * r * 0.13);
      }
      return value;
    }),
  );
}
