import { afterEach, describe, expect, test } from 'vitest';
import { compileCell } from '../../../src/kernel/compile';
import { executeCell, type ExecutionOutcome, type ModuleMap } from '../../../src/kernel/execute';
import { resetShared, sharedNames } from '../../../src/kernel/shared-scope';

const stubModules: ModuleMap = {
  '@tensorflow/tfjs': async () => ({ tensor: (values: number[]) => ({ values }), version: 'stub' }),
  withDefault: async () => ({ default: 'the default', other: 2 }),
};

async function run(source: string): Promise<ExecutionOutcome> {
  return executeCell(compileCell(source), { modules: stubModules });
}

async function value(source: string): Promise<unknown> {
  const outcome = await run(source);
  if (!outcome.ok) throw new Error(`cell failed: ${outcome.error.ename}: ${outcome.error.message}`);
  return outcome.value;
}

async function failure(source: string) {
  const outcome = await run(source);
  if (outcome.ok) throw new Error('expected the cell to fail');
  return outcome.error;
}

afterEach(() => {
  resetShared();
});

describe('executeCell: shared scope', () => {
  test('a value defined in one cell is used by the next', async () => {
    await value('const a = 20;');
    expect(await value('a + 1')).toBe(21);
  });

  test('a later cell can redefine a name, even a const', async () => {
    await value('const a = 1;');
    await value('const a = 2;');
    expect(await value('a')).toBe(2);
  });

  test('destructuring: object, array, nested, rest and defaults', async () => {
    await value(
      'const { p, q: [r, , ...s], t = 5, ...u } = { p: 1, q: [2, 0, 3, 4], v: 6 };\n' +
        'let [w = 7, [x], ...y] = [undefined, [8], 9, 10];',
    );
    expect(await value('[p, r, s, t, u, w, x, y]')).toEqual([
      1,
      2,
      [3, 4],
      5,
      { v: 6 },
      7,
      8,
      [9, 10],
    ]);
  });

  test('let without a value is undefined, and resets an earlier value', async () => {
    await value('let x = 3;');
    await value('let x;');
    expect(await value('typeof x')).toBe('undefined');
  });

  test('functions are hoisted within the cell and shared with later cells', async () => {
    expect(await value('const n = twice(4);\nfunction twice(v) { return 2 * v; }\nn')).toBe(8);
    expect(await value('twice(5)')).toBe(10);
  });

  test('async and generator functions are shared', async () => {
    await value('async function later() { return 3; }\nfunction* count() { yield 1; yield 2; }');
    expect(await value('[await later(), ...count()]')).toEqual([3, 1, 2]);
  });

  test('classes are shared and can refer to themselves', async () => {
    await value('class Counter { static make() { return new Counter(); } n = 1; }');
    expect(await value('Counter.make().n')).toBe(1);
  });

  test('a function with a local x does not touch the shared x', async () => {
    await value('const x = 1;');
    expect(await value('function f() { const x = 10; return x; }\nf() + x')).toBe(11);
    expect(await value('x')).toBe(1);
  });

  test('a function sees later changes to a shared name', async () => {
    await value('let k = 1;\nfunction times(v) { return v * k; }');
    await value('k = 3;');
    expect(await value('times(2)')).toBe(6);
  });

  test('TypeScript cells share their values', async () => {
    await value('interface P { x: number }\nconst pt: P = { x: 4 };');
    expect(await value('const y: number = pt.x * 2;\ny')).toBe(8);
  });

  test('the kernel can list and forget what cells defined', async () => {
    await value('const forgotten = 1;');
    expect(sharedNames()).toContain('forgotten');
    resetShared();
    expect(Object.hasOwn(globalThis, 'forgotten')).toBe(false);
    expect((await failure('forgotten')).ename).toBe('ReferenceError');
  });

  test('restoring a pre-existing global after reset', async () => {
    const original = globalThis.structuredClone;
    await value('const structuredClone = 42;');
    expect(await value('structuredClone')).toBe(42);
    resetShared();
    expect(globalThis.structuredClone).toBe(original);
  });
});

describe('executeCell: async and results', () => {
  test('top-level await, also inside loops', async () => {
    const source =
      'const out = [];\nfor (const v of [1, 2, 3]) {\n  out.push(await Promise.resolve(v * v));\n}\nout';
    expect(await value(source)).toEqual([1, 4, 9]);
  });

  test('no value when the cell ends with a declaration or an if', async () => {
    expect(await run('const a = 1;')).toEqual({ ok: true, value: undefined });
    expect(await run('if (true) { 5; }')).toEqual({ ok: true, value: undefined });
  });

  test('a top-level return ends the cell early without a result', async () => {
    expect(
      await run('const early = 1;\nif (early) return 5;\nthrow new Error("not reached");'),
    ).toEqual({ ok: true, value: undefined });
  });
});

describe('executeCell: imports', () => {
  test('namespace, named and default imports from the module map', async () => {
    await value(
      "import * as tf from '@tensorflow/tfjs';\nimport { version as v } from '@tensorflow/tfjs';\nimport d, { other } from 'withDefault';\nimport tfDefault from '@tensorflow/tfjs';",
    );
    expect(await value('[tf.version, v, d, other, tfDefault.version]')).toEqual([
      'stub',
      'stub',
      'the default',
      2,
      'stub',
    ]);
    expect(await value('tf.tensor([1, 2])')).toEqual({ values: [1, 2] });
  });

  test('an unknown module fails with the list and the line', async () => {
    const error = await failure("const a = 1;\nimport * as fs from 'fs';");
    expect(error.message).toBe(
      "Cannot import 'fs': cells can import '@tensorflow/tfjs', 'withDefault'",
    );
    expect(error.line).toBe(2);
  });
});

describe('executeCell: errors', () => {
  test('a runtime error names the cell line after TypeScript types', async () => {
    const error = await failure(
      [
        'interface Shape {',
        '  width: number;',
        '  height: number;',
        '}',
        'type Area = number;',
        'const s: Shape = { width: 2, height: 3 };',
        "if (s.width > 1) throw new RangeError('too wide');",
      ].join('\n'),
    );
    expect(error).toMatchObject({ ename: 'RangeError', message: 'too wide', line: 7 });
  });

  test('an error thrown inside a function reports where the cell was', async () => {
    const error = await failure('function boom() {\n  return missing.x;\n}\n\nboom();');
    expect(error.ename).toBe('ReferenceError');
    expect(error.message).toContain('missing');
    expect(error.line).toBe(2);
  });

  test('an error after an await keeps its line', async () => {
    const error = await failure('await Promise.resolve();\nconst a = null;\na.b;');
    expect(error.ename).toBe('TypeError');
    expect(error.line).toBe(3);
  });

  test('the column is in the original line, not the rewritten one', async () => {
    // V8 points at the assignment, column 1 of `value = undefinedName;`: `value` is at 7.
    const error = await failure('const value = undefinedName;');
    expect(error.line).toBe(1);
    expect(error.column).toBe(7);
  });

  test('a thrown non-Error value is reported as a message', async () => {
    expect(await failure('throw "plain text";')).toEqual({ ename: 'Error', message: 'plain text' });
    expect(await failure('throw { code: 3 };')).toEqual({ ename: 'Error', message: '{"code":3}' });
  });

  test('an interrupted helper is reported as Interrupted', async () => {
    const error = await failure(
      "const e = new Error('Stopped by the learner');\ne.name = 'InterruptedError';\nthrow e;",
    );
    expect(error.ename).toBe('Interrupted');
  });
});
