import { describe, expect, it } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { toMimeBundle } from '../../../src/lib/mime';
import { table, type TableResource } from '../../../src/lib/table';

const resourceOf = (value: unknown): TableResource =>
  toMimeBundle(value)?.[MIME.table] as TableResource;

describe('table', () => {
  it('infers Table Schema types from records and keeps missing values as null', () => {
    const resource = resourceOf(
      table([
        { name: 'Ada', age: 36, score: 0.91, member: true, tags: ['x'] },
        { name: 'Alan', score: 0.87, member: false, tags: 'y' },
        { name: null, age: 41, score: 1, member: true, extra: 'late key' },
      ]),
    );
    expect(resource.schema.fields).toEqual([
      { name: 'name', type: 'string' },
      { name: 'age', type: 'integer' },
      { name: 'score', type: 'number' },
      { name: 'member', type: 'boolean' },
      { name: 'tags', type: 'any' },
      { name: 'extra', type: 'string' },
    ]);
    expect(resource.data[1]).toEqual({
      name: 'Alan',
      age: null,
      score: 0.87,
      member: false,
      tags: 'y',
      extra: null,
    });
    expect(resource.data[2].name).toBeNull();
    expect(resource.data[0].tags).toBe('["x"]');
    expect(resource.playgrad).toEqual({ totalRows: 3 });
  });

  it('names the columns of number rows', () => {
    const resource = resourceOf(
      table(
        [
          [1, 2.5],
          [3, 4],
        ],
        { columns: ['x', 'y'] },
      ),
    );
    expect(resource.schema.fields).toEqual([
      { name: 'x', type: 'integer' },
      { name: 'y', type: 'number' },
    ]);
    expect(resource.data).toEqual([
      { x: 1, y: 2.5 },
      { x: 3, y: 4 },
    ]);
    expect(resourceOf(table([[1, 2]])).schema.fields.map((f) => f.name)).toEqual(['0', '1']);
  });

  it('shows the first maxRows rows and counts all of them', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ i }));
    const bundle = toMimeBundle(table(rows, { caption: 'Numbers' }));
    const resource = bundle?.[MIME.table] as TableResource;
    expect(resource.data).toHaveLength(20);
    expect(resource.playgrad).toEqual({ totalRows: 50, caption: 'Numbers' });
    expect(bundle?.[MIME.text]).toContain('… 30 more rows (50 in all)');
    expect(resourceOf(table(rows, { maxRows: 5 })).data).toHaveLength(5);
  });

  it('writes aligned text: numbers right, text left, null empty', () => {
    const text = toMimeBundle(
      table([
        { name: 'Ada', score: 0.91 },
        { name: 'Alexander', score: 10 },
        { name: null, score: null },
      ]),
    )?.[MIME.text];
    const lines = ['name       score', '---------  -----', 'Ada         0.91', 'Alexander     10'];
    expect(text).toBe([...lines, ''].join('\n'));
  });

  it('writes a plain, escaped HTML table', () => {
    const htmlText = toMimeBundle(table([{ a: '<b>', b: 1 }], { caption: 'T' }))?.[MIME.html];
    expect(htmlText).toBe(
      '<table><caption>T</caption><thead><tr><th>a</th><th>b</th></tr></thead>' +
        '<tbody><tr><td>&lt;b&gt;</td><td>1</td></tr></tbody></table>',
    );
  });

  it('refuses rows that are neither objects nor arrays', () => {
    expect(() => table([1, 2] as unknown as number[][])).toThrow(/rows/);
  });
});
