import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exportIpynb, exportMarkdown, exportFileName } from '../../../src/notebook/export-lesson';
import {
  ImportError,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CELLS,
  parseImportText,
  readImportFile,
  type NamedBlob,
} from '../../../src/notebook/import-file';
import { findJsonProblem } from '../../../src/notebook/json-location';
import { parse } from '../../../src/notebook/parse';

const LESSON_TEXT = readFileSync('notebooks/week1/gradient-descent.md', 'utf8');
const fixture = (name: string) => readFileSync(`tests/fixtures/notebooks/${name}`, 'utf8');

function blob(name: string, text: string, size = new TextEncoder().encode(text).length): NamedBlob {
  return { name, size, text: async () => text };
}

describe('export then import', () => {
  test('.md export carries the edit and parses back to the same notebook', async () => {
    const lesson = parse(LESSON_TEXT);
    const text = exportMarkdown(lesson, { model: '// my model\nconst w = 2;' });
    const imported = await readImportFile(blob('week1-gradient-descent.md', text));
    const model = imported.notebook.cells.find((cell) => cell.id === 'model');
    expect(model?.kind === 'code' && model.source).toBe('// my model\nconst w = 2;');
    expect(exportMarkdown(imported.notebook, {})).toBe(text);
    // Without edits the export is the shipped file, byte for byte.
    expect(exportMarkdown(lesson, {})).toBe(LESSON_TEXT);
  });

  test('.ipynb export names its lesson and keeps outputs of cells that ran', async () => {
    const lesson = parse(LESSON_TEXT);
    const json = exportIpynb(
      lesson,
      { load: '1 + 1' },
      { load: [{ type: 'result', data: { 'text/plain': '2' } }] },
      'week1/gradient-descent',
    );
    const imported = parseImportText('x.ipynb', 'ipynb', json);
    expect(imported.slug).toBe('week1/gradient-descent');
    expect(imported.outputs.load).toEqual([{ type: 'result', data: { 'text/plain': '2' } }]);
    const load = imported.notebook.cells.find((cell) => cell.id === 'load');
    expect(load?.kind === 'code' && load.source).toBe('1 + 1');
    expect(exportMarkdown(imported.notebook, {})).toBe(exportMarkdown(lesson, { load: '1 + 1' }));
  });

  test('file names are safe and keep the lesson recognisable', () => {
    expect(exportFileName('week1/gradient-descent', 'md')).toBe('week1-gradient-descent.md');
    expect(exportFileName('My notes: día 1?', 'ipynb')).toBe('My-notes-d-a-1.ipynb');
    expect(exportFileName('../..', 'md')).toBe('notebook.md');
  });
});

describe('malformed imports give a clear message', () => {
  test('a file that is too big is refused before it is read', async () => {
    let read = false;
    const huge: NamedBlob = {
      name: 'huge.md',
      size: 50 * 1024 * 1024,
      text: async () => {
        read = true;
        return '';
      },
    };
    await expect(readImportFile(huge)).rejects.toThrow(/50 MB.*up to 5\.0 MB/);
    expect(read).toBe(false);
    await expect(
      readImportFile(blob('ok.md', LESSON_TEXT, MAX_IMPORT_BYTES)),
    ).resolves.toBeTruthy();
  });

  test('other file types are refused by name', async () => {
    await expect(readImportFile(blob('photo.png', 'x'))).rejects.toThrow(
      /"photo.png" is not a notebook/,
    );
  });

  test('bad front matter names the line', async () => {
    const error = await readImportFile(blob('bad.md', fixture('yaml-syntax.md'))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(String(error)).toMatch(/"bad.md" could not be imported: .*line \d+/);
  });

  test('a missing title names the field', async () => {
    await expect(readImportFile(blob('t.md', fixture('missing-title.md')))).rejects.toThrow(
      /title/,
    );
  });

  test('an unterminated fence names its line', async () => {
    await expect(readImportFile(blob('u.md', fixture('unterminated-fence.md')))).rejects.toThrow(
      /code fence opened at line 9 is never closed/,
    );
  });

  test('broken JSON names the line and column', async () => {
    const text = '{\n  "nbformat": 4,\n  "cells": [,]\n}';
    await expect(readImportFile(blob('b.ipynb', text))).rejects.toThrow(
      /not valid JSON \(line 3, column 13: expected a value\)/,
    );
    await expect(readImportFile(blob('e.ipynb', ''))).rejects.toThrow(/empty/);
  });

  test('JSON that is not a notebook, or a Python notebook, says so', async () => {
    await expect(readImportFile(blob('a.ipynb', '{"a": 1}'))).rejects.toThrow(
      /not a Jupyter notebook/,
    );
    const python = JSON.stringify({
      nbformat: 4,
      metadata: { kernelspec: { name: 'python3', language: 'python' } },
      cells: [],
    });
    await expect(readImportFile(blob('p.ipynb', python))).rejects.toThrow(/for python/);
  });
});

describe('findJsonProblem', () => {
  test('points at the first place the text stops being JSON', () => {
    expect(findJsonProblem('{"a": 1}')).toBeUndefined();
    expect(findJsonProblem('{"a": [1, 2,]}')).toEqual({ line: 1, column: 13, expected: 'a value' });
    expect(findJsonProblem('{\n "a": 1\n "b": 2}')).toEqual({
      line: 3,
      column: 2,
      expected: '"," or "}"',
    });
    expect(findJsonProblem('{"a": "open')?.expected).toMatch(/closed/);
    expect(findJsonProblem('[1] x')?.expected).toBe('the end of the file');
  });
});

describe('the cell limit', () => {
  const notebookOf = (cells: number): string =>
    '---\ntitle: Many\nweek: 1\norder: 1\n---\n\n' +
    Array.from({ length: cells }, (_, i) => '```ts\n' + `${i}\n` + '```\n').join('\n');

  test(`a notebook of ${MAX_IMPORT_CELLS} cells imports`, () => {
    const imported = parseImportText('many.md', 'md', notebookOf(MAX_IMPORT_CELLS));
    expect(imported.notebook.cells.filter((cell) => cell.kind === 'code')).toHaveLength(
      MAX_IMPORT_CELLS,
    );
  });

  test('one more is refused, naming the count and the limit', () => {
    expect(() => parseImportText('many.md', 'md', notebookOf(MAX_IMPORT_CELLS + 1))).toThrow(
      new ImportError(
        '"many.md" could not be imported: it has 1,001 code cells; notebooks of up to 1,000 code cells can be imported.',
      ),
    );
  });
});
