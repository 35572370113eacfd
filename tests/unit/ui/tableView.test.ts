import { describe, expect, it } from 'vitest';
import { rowCountLabel, tableView } from '../../../src/ui/outputs/table';

describe('tableView', () => {
  const diabetes = {
    schema: {
      fields: [
        { name: 'age', type: 'number' },
        { name: 'sex', type: 'string' },
        { name: 'target', type: 'integer' },
      ],
    },
    data: [
      { age: 0.0380759064, sex: 'F', target: 151 },
      { age: null, sex: 'M', target: 75 },
    ],
    playgrad: { totalRows: 442, caption: 'Diabetes (first rows)' },
  };

  it('takes the header from schema.fields and marks numeric columns', () => {
    const view = tableView(diabetes);
    expect(view?.columns).toEqual([
      { name: 'age', numeric: true },
      { name: 'sex', numeric: false },
      { name: 'target', numeric: true },
    ]);
  });

  it('formats numbers and marks missing values', () => {
    const view = tableView(diabetes);
    expect(view?.rows[0]).toEqual([
      { text: '0.03808', missing: false },
      { text: 'F', missing: false },
      { text: '151', missing: false },
    ]);
    expect(view?.rows[1][0]).toEqual({ text: '—', missing: true });
  });

  it("writes numbers with the learner's decimal mark when given a locale", () => {
    const view = tableView({ data: [{ x: 1234.5, y: 2024, z: 1.5e-7, t: 'a.b' }] }, 'de-DE');
    // No digit grouping (2024 stays a year), text untouched, exponent form keeps its mark.
    expect(view?.rows[0].map((cell) => cell.text)).toEqual(['1234,5', '2024', '1,5e-7', 'a.b']);
    expect(tableView({ data: [{ x: 0.25 }] }, 'en-US')?.rows[0][0].text).toBe('0.25');
    expect(tableView({ data: [{ x: 0.25 }] }, 'not a locale!')?.rows[0][0].text).toBe('0.25');
  });

  it('reads the total row count and caption', () => {
    const view = tableView(diabetes);
    expect(view?.totalRows).toBe(442);
    expect(view?.caption).toBe('Diabetes (first rows)');
    expect(rowCountLabel(view?.rows.length ?? 0, view?.totalRows ?? 0)).toBe(
      'showing 2 of 442 rows',
    );
  });

  it('infers columns without a schema, from object rows or array rows', () => {
    const objects = tableView({
      data: [
        { x: 1, label: 'a' },
        { x: null, label: 'b' },
      ],
    });
    expect(objects?.columns).toEqual([
      { name: 'x', numeric: true },
      { name: 'label', numeric: false },
    ]);
    expect(objects?.totalRows).toBe(2);
    const arrays = tableView({ data: [[1, 'a']] });
    expect(arrays?.columns.map((c) => c.name)).toEqual(['0', '1']);
    expect(arrays?.rows[0].map((c) => c.text)).toEqual(['1', 'a']);
  });

  it('rejects values that are not tables', () => {
    expect(tableView('nope')).toBeUndefined();
    expect(tableView({ schema: {} })).toBeUndefined();
  });
});

describe('rowCountLabel', () => {
  it('says whether every row is shown', () => {
    expect(rowCountLabel(20, 442)).toBe('showing 20 of 442 rows');
    expect(rowCountLabel(5, 5)).toBe('5 rows');
    expect(rowCountLabel(1, 1)).toBe('1 row');
  });
});
