import { describe, expect, it } from 'vitest';
import { formatForConsole, formatValue, MAX_ITEMS } from '../../../src/lib/format';

describe('formatValue', () => {
  it('quotes strings and keeps numbers exact', () => {
    expect(formatValue('hello')).toBe('"hello"');
    expect(formatValue(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatValue(-0)).toBe('-0');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(10n)).toBe('10n');
  });

  it('puts short arrays and objects on one line', () => {
    expect(formatValue([1, 2, 3])).toBe('[1, 2, 3]');
    expect(formatValue({ lr: 0.01, 'a-b': 'x' })).toBe('{ lr: 0.01, "a-b": "x" }');
    expect(formatValue([])).toBe('[]');
    expect(formatValue({})).toBe('{}');
  });

  it('lays long structures out one item per line', () => {
    const people = [
      { name: 'alice', scores: [1, 2, 3], city: 'Amsterdam, North Holland' },
      { name: 'bob', scores: [4, 5, 6], city: 'Rotterdam, South Holland' },
    ];
    expect(formatValue(people)).toBe(
      [
        '[',
        '  { name: "alice", scores: [1, 2, 3], city: "Amsterdam, North Holland" },',
        '  { name: "bob", scores: [4, 5, 6], city: "Rotterdam, South Holland" }',
        ']',
      ].join('\n'),
    );
  });

  it('cuts long arrays and says how many are left', () => {
    const text = formatValue(Array.from({ length: 1000 }, (_, i) => i));
    expect(text).toContain(`${MAX_ITEMS - 1}, … ${1000 - MAX_ITEMS} more`);
    expect(text).not.toContain(`${MAX_ITEMS},`);
    // Many short numbers are packed in rows, not one per line.
    expect(text.split('\n').length).toBeLessThan(12);
  });

  it('names typed arrays, and writes float32 values as they were typed', () => {
    expect(formatValue(new Float32Array([0.1, 2.5]))).toBe('Float32Array(2) [0.1, 2.5]');
    expect(formatValue(new Int32Array([1, -2]))).toBe('Int32Array(2) [1, -2]');
  });

  it('prints Map, Set, class instances and Dates', () => {
    expect(formatValue(new Map([['a', 1]]))).toBe('Map(1) { "a" => 1 }');
    expect(formatValue(new Set([1, 2]))).toBe('Set(2) { 1, 2 }');
    class Point {
      x = 1;
      y = 2;
    }
    expect(formatValue(new Point())).toBe('Point { x: 1, y: 2 }');
    expect(formatValue(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });

  it('stops at circular references and deep nesting', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(formatValue(loop)).toBe('{ a: 1, self: [Circular] }');
    expect(formatValue({ a: { b: { c: { d: { e: 1 } } } } })).toBe(
      '{ a: { b: { c: { d: [Object] } } } }',
    );
    expect(formatValue([[[[[1]]]]])).toBe('[[[[[Array]]]]]');
  });

  it('names a tensor inside a structure instead of expanding it', () => {
    const tensor = { shape: [2], dtype: 'float32', isDisposed: false, dataSync: () => [1, 2] };
    expect(formatValue({ w: tensor })).toBe('{ w: Tensor float32 [2] }');
  });
});

describe('formatForConsole', () => {
  it('prints strings as they are and other values formatted, space-separated', () => {
    expect(formatForConsole(['loss', 0.5, { step: 3 }, 'done'])).toBe('loss 0.5 { step: 3 } done');
    expect(formatForConsole([])).toBe('');
  });

  it('substitutes printf-style placeholders in a leading string', () => {
    expect(formatForConsole(['%s has %d items (100%%)', 'list', 3])).toBe(
      'list has 3 items (100%)',
    );
    expect(formatForConsole(['%o', [1, 2], 'extra'])).toBe('[1, 2] extra');
    expect(formatForConsole(['no args %d'])).toBe('no args %d');
  });
});
