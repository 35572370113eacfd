import { describe, expect, test } from 'vitest';
import { transpile } from '../../../src/kernel/transpile';
import { CellSyntaxError } from '../../../src/kernel/cell-error';

describe('transpile', () => {
  test('removes types and keeps every line where it was', () => {
    const source = [
      'interface Point {',
      '  x: number;',
      '}',
      'type Pair = [number, number];',
      'const p: Point = { x: 1 };',
      'function f(a: number, b?: string): number { return a; }',
      "throw new Error('line 7');",
    ].join('\n');
    const js = transpile(source);
    const lines = js.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe("throw new Error('line 7');");
    expect(lines[4]).toMatch(/^const p\s*= \{ x: 1 \};$/);
    expect(js).not.toContain('interface');
    expect(js).not.toContain(': number');
  });

  test('keeps imports, even when this cell does not use the binding', () => {
    const js = transpile("import * as tf from '@tensorflow/tfjs';\nimport { a } from 'playgrad';");
    expect(js).toContain("import * as tf from '@tensorflow/tfjs';");
    expect(js).toContain("import { a } from 'playgrad';");
  });

  test('drops type-only imports', () => {
    expect(transpile("import type { Tensor } from '@tensorflow/tfjs';").trim()).toBe('');
  });

  test('a syntax error names its line and column', () => {
    let caught: unknown;
    try {
      transpile('const a = 1;\nconst b: = 2;');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CellSyntaxError);
    const error = caught as CellSyntaxError;
    expect(error.line).toBe(2);
    expect(error.column).toBe(10);
    expect(error.message).toBe('Unexpected token');
  });
});
