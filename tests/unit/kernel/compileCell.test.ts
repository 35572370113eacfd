import { describe, expect, test } from 'vitest';
import { CellSyntaxError, compileCell } from '../../../src/kernel/compile';

/** The body of the wrapper: line L of the cell is line L + 1 of the script. */
function bodyLines(source: string): string[] {
  const lines = compileCell(source).js.split('\n');
  return lines.slice(1, -2);
}

function syntaxError(source: string, options = {}): CellSyntaxError {
  try {
    compileCell(source, options);
  } catch (error) {
    if (error instanceof CellSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CellSyntaxError');
}

describe('compileCell: defines and uses', () => {
  test('every declaration form defines its names', () => {
    const cell = compileCell(
      [
        "import * as tf from '@tensorflow/tfjs';",
        "import d, { a, b as c } from 'playgrad';",
        'const { p, q: [r, ...s], t = 1, ...u } = obj;',
        'let v, w = 2;',
        'var [x, , { y }] = arr;',
        'function f() {}',
        'async function* g() {}',
        'class K {}',
      ].join('\n'),
    );
    expect(cell.defines).toEqual([
      'tf',
      'd',
      'a',
      'c',
      'p',
      'r',
      's',
      't',
      'u',
      'v',
      'w',
      'x',
      'y',
      'f',
      'g',
      'K',
    ]);
    expect(cell.uses).toEqual(['obj', 'arr']);
  });

  test('uses are free references in source order, not locals or own top-level names', () => {
    const cell = compileCell(
      'const k = 2;\nfunction scale(xs) { const m = 3; return xs.map((x) => x * k * m * factor); }\nscale(data);',
    );
    expect(cell.defines).toEqual(['k', 'scale']);
    expect(cell.uses).toEqual(['factor', 'data']);
  });

  test('a namespace import used in the same cell is not a use', () => {
    const cell = compileCell("import * as tf from '@tensorflow/tfjs';\ntf.tensor([1]);");
    expect(cell.uses).toEqual([]);
  });

  test('a var inside a top-level block stays local to the cell', () => {
    const cell = compileCell('for (var i = 0; i < 3; i++) {}\nif (ok) { var z = 1; }');
    expect(cell.defines).toEqual([]);
    expect(cell.uses).toEqual(['ok']);
  });
});

describe('compileCell: rewrite', () => {
  test('declarations become assignments on the same lines', () => {
    expect(bodyLines('const {a, b: [c]} = o;\nlet x;\nvar m = 1, n\nconst [y] = arr;')).toEqual([
      '({a, b: [c]} = o);',
      'x = undefined;',
      'm = 1, n = undefined;',
      '[y] = arr;',
    ]);
  });

  test('classes become assignments, functions stay and are published in the header', () => {
    const cell = compileCell('class C { m() { return 1; } }\nfunction f() { return g(); }');
    const lines = cell.js.split('\n');
    expect(lines[0]).toBe('(async function (__pg) {"use strict";__pg.publish("f", f);');
    expect(lines[1]).toBe('C = class C { m() { return 1; } };');
    expect(lines[2]).toBe('function f() { return g(); }');
  });

  test('imports become module lookups; a multi-line import keeps its lines', () => {
    expect(
      bodyLines(
        "import * as tf from '@tensorflow/tfjs';\nimport d, {\n  a,\n  b as c,\n} from 'x';\nimport 'y';\nnext;",
      ),
    ).toEqual([
      'tf = await __pg.import("@tensorflow/tfjs");',
      'd = await __pg.importDefault("x"); ({a, b: c} = await __pg.import("x"));',
      '',
      '',
      '',
      'await __pg.import("y");',
      'return (next);',
    ]);
  });

  test('the last expression statement is the result', () => {
    const cell = compileCell('const a = 1;\n(a, a + 1)');
    expect(cell.hasResult).toBe(true);
    expect(cell.js.split('\n')[2]).toBe('return ((a, a + 1));');
  });

  test('a multi-line last expression keeps its lines', () => {
    expect(bodyLines('[\n  1,\n  2,\n];')).toEqual(['return ([', '  1,', '  2,', ']);']);
  });

  test('no result when the cell ends with a declaration or an if', () => {
    expect(compileCell('1;\nconst a = 2;').hasResult).toBe(false);
    expect(compileCell('1;\nif (a) { 2; }').hasResult).toBe(false);
    expect(compileCell('function f() {}').hasResult).toBe(false);
    expect(compileCell('').hasResult).toBe(false);
  });

  test('each compiled cell has its own script name', () => {
    const first = compileCell('1');
    const second = compileCell('1');
    expect(first.sourceName).toMatch(/^playgrad-cell-\d+\.js$/);
    expect(second.sourceName).not.toBe(first.sourceName);
    expect(first.js.endsWith(`\n//# sourceURL=${first.sourceName}`)).toBe(true);
  });
});

describe('compileCell: errors', () => {
  test('a syntax error after TypeScript types reports the cell line', () => {
    const error = syntaxError(
      'interface A {\n  x: number;\n}\nconst a: A = { x: 1 };\nconst b = (;',
    );
    expect(error.line).toBe(5);
    expect(error.message).toMatch(/Unexpected token/);
  });

  test('a syntax error that only acorn sees reports the cell line', () => {
    // Sucrase accepts a duplicate `let`; acorn does not.
    const error = syntaxError('let a = 1;\n\nlet a = 2;');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/already been declared/);
  });

  test('export is refused with the reason', () => {
    const error = syntaxError('const a = 1;\nexport const b = 2;');
    expect(error.message).toBe(
      'export is not needed in a notebook cell: top-level names are shared',
    );
    expect(error.line).toBe(2);
  });

  test('a built-in name cannot be redefined', () => {
    const error = syntaxError('const ok = 1;\nconst { Math } = obj;');
    expect(error.message).toBe('`Math` is a built-in name; choose another name');
    expect(error.line).toBe(2);
    expect(syntaxError('function postMessage() {}').message).toContain('`postMessage`');
    expect(syntaxError("import * as console from 'x';").message).toContain('`console`');
  });

  test('an unknown module is refused when the module list is known', () => {
    const error = syntaxError("const a = 1;\nimport * as fs from 'fs';", {
      modules: ['@tensorflow/tfjs', 'playgrad'],
    });
    expect(error.message).toBe(
      "Cannot import 'fs': cells can import '@tensorflow/tfjs', 'playgrad'",
    );
    expect(error.line).toBe(2);
  });
});
