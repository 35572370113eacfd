import { describe, expect, test } from 'vitest';
import { compileCell } from '../../../src/kernel/compile';
import { executeCell } from '../../../src/kernel/execute';
import { resolveModule } from '../../../src/kernel/module-specifier';
import { resetShared } from '../../../src/kernel/shared-scope';

const BUNDLED = ['@tensorflow/tfjs', '@huggingface/transformers', 'playgrad'];
const LIST = "'@tensorflow/tfjs', '@huggingface/transformers', 'playgrad'";

describe('resolveModule: Deno-style specifiers', () => {
  test.each([
    ['npm:@tensorflow/tfjs', '@tensorflow/tfjs'],
    ['npm:@tensorflow/tfjs@4.22.0', '@tensorflow/tfjs'],
    ['npm:@tensorflow/tfjs@^4', '@tensorflow/tfjs'],
    ['npm:@huggingface/transformers@3', '@huggingface/transformers'],
    ['npm:playgrad', 'playgrad'],
    ['npm:playgrad@1.0.0', 'playgrad'],
    ['playgrad', 'playgrad'],
  ])('%s is the bundled %s', (specifier, name) => {
    expect(resolveModule(specifier, BUNDLED)).toEqual({ name });
  });

  test('another npm package: the browser bundles only the listed ones', () => {
    expect(resolveModule('npm:lodash@4', BUNDLED)).toEqual({
      error: `Cannot import 'npm:lodash@4': Playgrad runs in the browser and bundles only ${LIST}; it cannot install npm packages`,
    });
  });

  test('node: built-ins do not exist in the browser', () => {
    expect(resolveModule('node:fs', BUNDLED)).toEqual({
      error: `Cannot import 'node:fs': Playgrad runs in the browser and bundles only ${LIST}; node: modules do not exist there`,
    });
  });

  test.each(['https://esm.sh/lodash', 'http://x/y.js', 'jsr:@std/path'])(
    '%s: no code from the network',
    (specifier) => {
      const resolved = resolveModule(specifier, BUNDLED);
      expect('error' in resolved && resolved.error).toContain('loads no code from the network');
    },
  );

  test('a plain unknown name keeps the short message', () => {
    expect(resolveModule('fs', BUNDLED)).toEqual({
      error: `Cannot import 'fs': cells can import ${LIST}`,
    });
  });
});

describe('a cell importing npm: specifiers', () => {
  const modules = { '@tensorflow/tfjs': async () => ({ version: 'bundled' }) };

  test('npm:@tensorflow/tfjs@version loads the bundled tfjs', async () => {
    const source = "import * as tf from 'npm:@tensorflow/tfjs@4.22.0';\ntf.version";
    const compiled = compileCell(source, { modules: Object.keys(modules) });
    const outcome = await executeCell(compiled, { modules });
    resetShared();
    expect(outcome).toEqual({ ok: true, value: 'bundled' });
  });

  test('node:fs fails before running, on its line, with the reason', () => {
    const source = "const a = 1;\nimport { readFileSync } from 'node:fs';";
    expect(() => compileCell(source, { modules: Object.keys(modules) })).toThrow(
      /Cannot import 'node:fs': Playgrad runs in the browser .*node: modules do not exist there/,
    );
  });
});
