import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { notebookText } from '../../../src/cli/notebook-text';
import { parse } from '../../../src/notebook/parse';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/run/deno.ipynb');

describe('notebookText: what `playgrad run` hands the runner page', () => {
  test('a .md file is passed on as it is', () => {
    expect(notebookText('a.md', '# A\n')).toEqual({ text: '# A\n' });
  });

  test('a Deno .ipynb becomes lesson text with its code cells in order', async () => {
    const read = notebookText('deno.ipynb', await readFile(fixture, 'utf8'));
    if (!('text' in read)) throw new Error(read.error);
    const code = parse(read.text).cells.flatMap((cell) =>
      cell.kind === 'code' ? [cell.source] : [],
    );
    expect(code).toEqual([
      'import * as tf from "npm:@tensorflow/tfjs@4.22.0";\ntf.tensor([1, 2, 3]).sum().dataSync()[0]',
      'throw new Error("boom in the middle");',
      '40 + 2',
    ]);
  });

  test("a broken or non-JS .ipynb gives the import reader's clear message", () => {
    expect(notebookText('x.ipynb', '{"cells": [')).toEqual({
      error: expect.stringMatching(/^"x\.ipynb" could not be imported: it is not valid JSON/),
    });
    const python = JSON.stringify({
      cells: [],
      metadata: { kernelspec: { language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    });
    expect(notebookText('p.ipynb', python)).toEqual({
      error: expect.stringContaining('this is a notebook for python'),
    });
  });
});
