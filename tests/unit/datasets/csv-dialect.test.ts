// CSV delimiter and decimal-mark detection, on fixture files shaped like real exports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv';
import { detectCsvDialect } from '../../../src/lib/csv-dialect';
import { fromCsv } from '../../../src/lib/datasets';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8');

describe('detectCsvDialect and parseCsv', () => {
  it('reads a European semicolon file with decimal commas as numbers', () => {
    const table = parseCsv(fixture('european-semicolon.csv'), 'wein.csv');
    expect(table.dialect).toEqual({ delimiter: ';', decimal: ',' });
    expect(table.columns).toEqual(['Sorte', 'Alkohol', 'Säure', 'Preis']);
    expect(table.records).toEqual([
      { Sorte: 'Riesling', Alkohol: 12.5, Säure: 6.8, Preis: 9.9 },
      { Sorte: 'Silvaner', Alkohol: 11, Säure: 5.9, Preis: 7.5 },
      { Sorte: 'Dornfelder', Alkohol: 13.5, Säure: null, Preis: 12 },
    ]);
    expect([...table.numericColumns]).toEqual(['Alkohol', 'Säure', 'Preis']);
  });

  it('reads a tab-separated file', () => {
    const table = parseCsv(fixture('tab-separated.csv'));
    expect(table.dialect).toEqual({ delimiter: '\t', decimal: '.' });
    expect(table.columns).toEqual(['sepal_length', 'sepal_width', 'species']);
    expect(table.records[1]).toEqual({ sepal_length: 7, sepal_width: 3.2, species: 'versicolor' });
  });

  it('keeps commas, semicolons and pipes inside quotes out of the vote', () => {
    const table = parseCsv(fixture('quoted-commas.csv'));
    expect(table.dialect).toEqual({ delimiter: ',', decimal: '.' });
    expect(table.records[0]).toEqual({
      city: 'Paris, FR',
      population: 2102650,
      note: 'capital; largest',
    });
    expect(table.numericColumns.has('population')).toBe(true);
  });

  it('reads a pipe-separated file and a semicolon file with decimal points', () => {
    expect(detectCsvDialect('a|b|c\n1|2|3\n')).toEqual({ delimiter: '|', decimal: '.' });
    expect(detectCsvDialect('a;b\n1.5;2\n3,5;4\n')).toEqual({ delimiter: ';', decimal: '.' });
  });

  it('finds the delimiter despite one broken row, so the error names that row', () => {
    expect(() => parseCsv('a;b;c\n1;2;3\n4;5\n6;7;8\n', 'broken.csv')).toThrow(
      'broken.csv: row 3 has 2 fields, expected 3 (a, b, c)',
    );
  });

  it('lets the caller force the delimiter and the decimal mark', () => {
    const asComma = parseCsv('a;b\n1;2\n', 'x.csv', { delimiter: ',' });
    expect(asComma.columns).toEqual(['a;b']);
    const pointsKept = parseCsv('x;y\n1,5;a\n', 'x.csv', { decimal: '.' });
    expect(pointsKept.records[0]).toEqual({ x: '1,5', y: 'a' });
    const forcedComma = parseCsv('x\ty\n2,5\t1\n', 'x.csv', { delimiter: '\t', decimal: ',' });
    expect(forcedComma.records[0]).toEqual({ x: 2.5, y: 1 });
  });

  it('rejects an unknown delimiter with a clear message', () => {
    expect(() => parseCsv('a,b\n', 'x.csv', { delimiter: 'semicolon' as never })).toThrow(
      'delimiter "semicolon" is not one of ",", ";", "\\t", "|"',
    );
  });

  it('judges a large file by its beginning, ignoring a row cut by the sample', () => {
    const row = 'text;1,5\n';
    const big = 'name;value\n' + row.repeat(20_000);
    expect(detectCsvDialect(big)).toEqual({ delimiter: ';', decimal: ',' });
  });
});

describe('fromCsv with a European file', () => {
  it('says in the description what it detected, and forcing options pass through', () => {
    const data = fromCsv(fixture('european-semicolon.csv'), { target: 'Preis' });
    expect(data.description).toContain('read as semicolon-separated, decimal comma');
    expect(data.featureNames).toEqual([
      'Sorte_Dornfelder',
      'Sorte_Riesling',
      'Sorte_Silvaner',
      'Alkohol',
      'Säure',
    ]);
    expect(data.X[0]).toEqual([0, 1, 0, 12.5, 6.8]);
    expect(data.y).toEqual([9.9, 7.5, 12]);
    const forced = fromCsv('a;b\n1;2\n3;4\n', { delimiter: ',', task: 'classification' });
    expect(forced.description).toContain('read as comma-separated, decimal point');
    expect(forced.targetName).toBe('a;b');
  });
});
