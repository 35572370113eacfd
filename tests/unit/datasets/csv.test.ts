import { describe, expect, it } from 'vitest';
import { CsvFormatError, parseCsv } from '../../../src/lib/csv';

describe('parseCsv', () => {
  it('types numeric columns as numbers and keeps text columns as strings', () => {
    const table = parseCsv('x,y,label\n1.5,-2e3,a\n.25,+7,b\n');
    expect(table.columns).toEqual(['x', 'y', 'label']);
    expect(table.records).toEqual([
      { x: 1.5, y: -2000, label: 'a' },
      { x: 0.25, y: 7, label: 'b' },
    ]);
    expect([...table.numericColumns]).toEqual(['x', 'y']);
    expect(table.rowNumbers).toEqual([2, 3]);
  });

  it('turns empty cells into null without making a numeric column textual', () => {
    const table = parseCsv('age,sex,fare\n22,male,7.25\n,female,\n 35 , ,8\n');
    expect(table.records).toEqual([
      { age: 22, sex: 'male', fare: 7.25 },
      { age: null, sex: 'female', fare: null },
      { age: 35, sex: null, fare: 8 },
    ]);
    expect(table.numericColumns.has('age')).toBe(true);
    expect(table.numericColumns.has('sex')).toBe(false);
  });

  it('does not read hexadecimal, Infinity or mixed cells as numbers', () => {
    const table = parseCsv('a,b,c\n0x1F,Infinity,3\n1,2,three\n');
    expect(table.numericColumns.size).toBe(0);
    expect(table.records[0]).toEqual({ a: '0x1F', b: 'Infinity', c: '3' });
  });

  it('handles quoted fields with commas, quotes and line breaks', () => {
    const table = parseCsv('name,note\n"Smith, J.","said ""hi""\nthen left"\n');
    expect(table.records).toEqual([{ name: 'Smith, J.', note: 'said "hi"\nthen left' }]);
  });

  it('skips blank lines, a byte order mark and Windows line endings', () => {
    const table = parseCsv('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.records).toEqual([
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ]);
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  it('reports the row of a row with too few or too many fields', () => {
    const short = () => parseCsv('a,b,c\n1,2,3\n4,5,6\n7,8\n', 'short.csv');
    expect(short).toThrow(CsvFormatError);
    expect(short).toThrow('short.csv: row 4 has 2 fields, expected 3 (a, b, c); the header is row 1');
    try {
      parseCsv('a,b\n1,2,3\n');
    } catch (error) {
      expect(error).toBeInstanceOf(CsvFormatError);
      expect((error as CsvFormatError).row).toBe(2);
    }
    expect.assertions(4);
  });

  it('reports an unterminated quote at the row where it starts', () => {
    expect(() => parseCsv('a,b\n1,2\n"3,4\n5,6\n', 'quote.csv')).toThrow(
      'quote.csv: row 3 has 1 field, expected 2',
    );
  });

  it('rejects an empty file, an unnamed column and a duplicate column', () => {
    expect(() => parseCsv('', 'e.csv')).toThrow('e.csv: the file is empty (no header row)');
    expect(() => parseCsv('a,,c\n1,2,3\n', 'u.csv')).toThrow(
      'u.csv: column 2 of the header (row 1) has no name',
    );
    expect(() => parseCsv('a,b,a\n1,2,3\n', 'd.csv')).toThrow('d.csv: the header (row 1) names "a" twice');
  });
});
