import { describe, expect, test } from 'vitest';
import {
  DYNAMIC_IMPORT_GLOBAL,
  chunkDependencies,
  rewriteChunk,
} from '../../../src/kernel-host/chunk-rewrite';

const CHUNK = 'https://school.example/course/assets/backend-X.js';

// The shapes Vite (rolldown) emits for the kernel worker, copied from a build.
const CODE = [
  'import{i as e,t}from"./rolldown-runtime-B.js";',
  'import{a as n}from"./worker-W.js";',
  'const w=new URL(`tfjs-backend-wasm-simd-C.wasm`,import.meta.url).href;',
  'const g=new URL(`ort-glue-D.mjs`,import.meta.url).href;',
  'async function f(){return import(`./gpt2-E.js`)}',
  // Text that only looks like imports stays as it is.
  'const msg=`\'import.meta\' must be in a module`,s="from the left";',
].join('\n');

describe('chunkDependencies', () => {
  test('lists static imports and module assets, as absolute URLs, not dynamic imports', () => {
    expect(chunkDependencies(CODE, CHUNK)).toEqual({
      imports: [
        'https://school.example/course/assets/rolldown-runtime-B.js',
        'https://school.example/course/assets/worker-W.js',
      ],
      assets: ['https://school.example/course/assets/ort-glue-D.mjs'],
    });
  });
});

describe('rewriteChunk', () => {
  const loaded = new Map([
    ['https://school.example/course/assets/rolldown-runtime-B.js', 'blob:null/1'],
    ['https://school.example/course/assets/worker-W.js', 'blob:null/2'],
    ['https://school.example/course/assets/ort-glue-D.mjs', 'blob:null/3'],
  ]);
  const code = rewriteChunk(CODE, CHUNK, loaded);

  test('static imports point at the loaded blob: modules', () => {
    expect(code).toContain('from"blob:null/1"');
    expect(code).toContain('from"blob:null/2"');
  });

  test('dynamic imports go through the loader, relative to the chunk', () => {
    expect(code).toContain(`${DYNAMIC_IMPORT_GLOBAL}(\`./gpt2-E.js\`,"${CHUNK}")`);
    expect(code).not.toMatch(/\bimport\(/);
  });

  test('WASM files resolve to the site; module assets to their blob: module', () => {
    expect(code).toContain(`new URL(\`tfjs-backend-wasm-simd-C.wasm\`,"${CHUNK}")`);
    expect(code).toContain('new URL("blob:null/3")');
    expect(code).not.toContain('import.meta.url');
  });

  test('look-alike text is left alone', () => {
    expect(code).toContain('const msg=`\'import.meta\' must be in a module`,s="from the left";');
  });

  test('a dependency that was not loaded is a clear error', () => {
    expect(() => rewriteChunk(CODE, CHUNK, new Map())).toThrow(/needs .*rolldown-runtime-B\.js/);
  });
});
