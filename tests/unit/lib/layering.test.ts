import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

// `lib` is what cells import; it may use src/protocol/ but neither the kernel nor the UI.
const LIB = resolve(__dirname, '../../../src/lib');
const SRC = resolve(LIB, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

test('nothing in src/lib imports from src/kernel or src/ui', () => {
  const files = sourceFiles(LIB);
  expect(files.length).toBeGreaterThan(20);
  const crossings: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/from\s+'(\.[^']+)'/g)) {
      const target = relative(SRC, resolve(dirname(file), match[1]));
      if (/^(kernel|ui)\//.test(target)) crossings.push(`${relative(SRC, file)} → ${target}`);
    }
  }
  expect(crossings).toEqual([]);
});
