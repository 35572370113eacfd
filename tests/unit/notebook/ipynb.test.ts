import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromIpynb, IpynbError, toIpynb } from '../../../src/notebook/ipynb';
import type { CellOutput } from '../../../src/notebook/outputs';
import { parse } from '../../../src/notebook/parse';
import { serialize } from '../../../src/notebook/serialize';
import { GOOD_FIXTURES, readFixture } from './fixtures';
import { nbformatErrors } from './nbformat-schema';

const OUTPUTS: Record<string, CellOutput[]> = {
  data: [
    { type: 'stream', name: 'stdout', text: 'loaded 442 rows\n' },
    { type: 'result', data: { 'text/plain': '442' } },
  ],
  grad: [
    {
      type: 'display',
      displayId: 'curve',
      data: { 'application/vnd.plotly.v1+json': { data: [] } },
    },
    { type: 'display', data: { 'text/html': '<b>hi</b>', 'image/png': 'iVBORw0KGgo=' } },
    { type: 'stream', name: 'stderr', text: 'careful\n' },
  ],
  'cell-4': [{ type: 'error', ename: 'Error', message: 'gradient(0) should be -1.5', line: 1 }],
};

describe('toIpynb', () => {
  const nb = parse(readFixture('full-lesson.md'));
  const json = toIpynb(nb, OUTPUTS);

  it("writes nbformat 4.5 with Deno's TypeScript kernel and the front matter", () => {
    expect(json.nbformat).toBe(4);
    expect(json.nbformat_minor).toBe(5);
    // The kernelspec `deno jupyter --install` registers: a kernel that exists.
    expect(json.metadata.kernelspec).toEqual({
      name: 'deno',
      display_name: 'Deno',
      language: 'typescript',
    });
    expect(json.metadata.language_info).toEqual({
      name: 'typescript',
      file_extension: '.ts',
      mimetype: 'text/x.typescript',
      codemirror_mode: 'typescript',
      pygments_lexer: 'typescript',
      nbconvert_exporter: 'script',
    });
    expect(json.metadata.playgrad.frontMatter).toEqual(nb.frontMatter);
  });

  it('writes code cells with ids, roles, Jupyter-style source lines and outputs', () => {
    const grad = json.cells.find((cell) => cell.id === 'grad');
    expect(grad).toMatchObject({
      cell_type: 'code',
      metadata: {
        playgrad: { lang: 'ts', role: 'exercise', attrs: { id: 'grad', exercise: true } },
      },
      execution_count: 2,
    });
    expect(grad?.source[0]).toBe('export function gradient(w: number): number {\n');
    expect(grad?.source.at(-1)).toBe('}');
    expect(grad?.outputs).toEqual([
      {
        output_type: 'display_data',
        data: { 'application/vnd.plotly.v1+json': { data: [] } },
        metadata: { playgrad: { display_id: 'curve' } },
      },
      {
        output_type: 'display_data',
        data: { 'text/html': '<b>hi</b>', 'image/png': 'iVBORw0KGgo=' },
        metadata: {},
      },
      { output_type: 'stream', name: 'stderr', text: 'careful\n' },
    ]);
    const data = json.cells.find((cell) => cell.id === 'data');
    expect(data?.outputs?.[1]).toEqual({
      output_type: 'execute_result',
      data: { 'text/plain': '442' },
      metadata: {},
      execution_count: 1,
    });
    const check = json.cells.find((cell) => cell.id === 'cell-4');
    expect(check?.outputs?.[0]).toMatchObject({
      output_type: 'error',
      evalue: 'gradient(0) should be -1.5',
    });
    expect(json.cells.find((cell) => cell.id === 'meta')?.execution_count).toBeNull();
  });

  it('writes shown-never-run fences as Markdown cells holding the fenced block', () => {
    const python = json.cells.find((cell) => cell.id === 'cell-5');
    expect(python?.cell_type).toBe('markdown');
    expect(python?.source.join('')).toBe('```python\nprint("shown, never run")\n```');
    expect(python?.metadata.playgrad?.static).toBe(true);
  });

  it('writes only ids that nbformat 4.5 accepts, keeping the real one in metadata', () => {
    const exported = toIpynb(parse(readFixture('adjacent.md')));
    expect(exported.cells.map((cell) => cell.id)).toEqual([
      'cell-1',
      'playgrad-cell-2',
      'cell-3',
      'spaced',
    ]);
    expect(exported.cells[1].metadata.playgrad?.id).toBe('quoted id');
  });

  it('keeps a solution out of the cells Jupyter shows: a note, the code in metadata only', () => {
    const solution = nb.cells.find((cell) => cell.kind === 'code' && cell.role === 'solution');
    if (solution?.kind !== 'code') throw new Error('the fixture has a solution');
    const exported = json.cells.find((cell) => cell.id === solution.id);
    expect(exported).toMatchObject({
      cell_type: 'markdown',
      metadata: { playgrad: { role: 'solution', for: 'grad', solution: solution.source } },
    });
    expect(exported?.source.join('')).toMatch(
      /solution of `grad` is kept in this notebook's metadata/,
    );
    const shown = json.cells.map((cell) => cell.source.join(''));
    expect(shown.some((text) => text.includes(solution.source))).toBe(false);
  });

  it('tags a check cell as a check that Jupyter does not let one edit', () => {
    const check = nb.cells.find((cell) => cell.kind === 'code' && cell.role === 'check');
    const exported = json.cells.find((cell) => cell.id === check?.id);
    expect(exported).toMatchObject({
      cell_type: 'code',
      metadata: { tags: ['check'], editable: false, playgrad: { role: 'check', for: 'grad' } },
    });
  });

  it('keeps Markdown cells as they are', () => {
    expect(json.cells[0]).toMatchObject({ cell_type: 'markdown', id: 'md-1', metadata: {} });
    expect(json.cells[0].source.join('')).toBe((nb.cells[0] as { source: string }).source);
  });
});

/** Every lesson file of the shipped course (the .md files under notebooks/). */
function courseLessonFiles(): string[] {
  const root = path.resolve(__dirname, '../../../notebooks');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join(root, file));
  expect(files.length).toBeGreaterThan(10);
  return files;
}

describe('the nbformat 4.5 schema', () => {
  it.each(GOOD_FIXTURES)('accepts the export of %s, with and without outputs', (name) => {
    const nb = parse(readFixture(name));
    expect(nbformatErrors(toIpynb(nb))).toEqual([]);
    const outputs = name === 'full-lesson.md' ? OUTPUTS : {};
    expect(nbformatErrors(toIpynb(nb, outputs))).toEqual([]);
  });

  it('accepts every lesson of the course, exported', () => {
    for (const file of courseLessonFiles()) {
      expect([file, nbformatErrors(toIpynb(parse(readFileSync(file, 'utf8'))))]).toEqual([
        file,
        [],
      ]);
    }
  });

  it('catches what Jupyter would refuse (the check can fail)', () => {
    const json = toIpynb(parse(readFixture('full-lesson.md')), OUTPUTS);
    const broken = JSON.parse(JSON.stringify(json)) as Record<string, unknown> & {
      cells: Record<string, unknown>[];
    };
    broken.cells[0].id = 'not a valid id';
    expect(nbformatErrors(broken).join('\n')).toMatch(/\/cells\/0\/id/);
    expect(nbformatErrors({ ...json, metadata: { kernelspec: { name: 'x' } } })).not.toEqual([]);
  });
});

describe('fromIpynb', () => {
  it.each([...GOOD_FIXTURES, 'crlf.md'])('gives back the notebook and outputs for %s', (name) => {
    const nb = parse(readFixture(name));
    const outputs = name === 'full-lesson.md' ? OUTPUTS : {};
    // Through JSON text, as a file would travel.
    const back = fromIpynb(JSON.parse(JSON.stringify(toIpynb(nb, outputs))));
    expect(back.notebook).toStrictEqual(nb);
    expect(back.outputs).toStrictEqual(outputs);
    expect(serialize(back.notebook)).toBe(serialize(nb));
  });

  it('imports a notebook from another TypeScript kernel as a lesson', () => {
    const { notebook, outputs } = fromIpynb({
      nbformat: 4,
      nbformat_minor: 4,
      metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' } },
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Tensors\n', 'Some text.'] },
        {
          cell_type: 'code',
          metadata: {},
          execution_count: 3,
          source: 'const a = 1;\na + 1',
          outputs: [
            {
              output_type: 'execute_result',
              data: { 'text/plain': ['2'] },
              metadata: {},
              execution_count: 3,
            },
            {
              output_type: 'display_data',
              data: { 'text/plain': 'x' },
              metadata: {},
              transient: { display_id: 'd1' },
            },
          ],
        },
        { cell_type: 'code', metadata: {}, execution_count: null, source: [], outputs: [] },
      ],
    });
    expect(notebook.frontMatter).toEqual({ title: 'Tensors', week: 1, order: 0 });
    expect(notebook.cells.map((cell) => [cell.kind, cell.id])).toEqual([
      ['markdown', 'md-1'],
      ['code', 'cell-1'],
      ['markdown', 'md-2'],
      ['code', 'cell-2'],
    ]);
    expect(notebook.cells[1]).toMatchObject({
      lang: 'ts',
      role: 'code',
      source: 'const a = 1;\na + 1',
    });
    expect(outputs).toEqual({
      'cell-1': [
        { type: 'result', data: { 'text/plain': '2' } },
        { type: 'display', displayId: 'd1', data: { 'text/plain': 'x' } },
      ],
    });
    // The imported notebook is a valid lesson file.
    expect(parse(serialize(notebook))).toStrictEqual(notebook);
  });

  it('accepts JavaScript kernels named in language_info', () => {
    const { notebook } = fromIpynb({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { language_info: { name: 'javascript' } },
      cells: [{ cell_type: 'code', id: 'x', metadata: {}, source: '1', outputs: [] }],
    });
    expect(notebook.cells.map((cell) => cell.kind)).toEqual(['markdown', 'code']);
    expect(notebook.cells[1]).toMatchObject({ kind: 'code', lang: 'js', id: 'cell-1' });
  });

  it('rejects Python notebooks and malformed JSON with clear messages', () => {
    const python = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {
        kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
        language_info: { name: 'python' },
      },
      cells: [],
    };
    expect(() => fromIpynb(python)).toThrow(IpynbError);
    expect(() => fromIpynb(python)).toThrow(
      'this is a notebook for python; Playgrad imports JavaScript and TypeScript notebooks only',
    );
    expect(() => fromIpynb({ nbformat: 4, metadata: {}, cells: [] })).toThrow(
      /does not say which language/,
    );
    expect(() => fromIpynb('{}')).toThrow(/not a Jupyter notebook/);
    expect(() => fromIpynb({ nbformat: 3, cells: [] })).toThrow(/not a Jupyter notebook/);
    const badCell = {
      ...python,
      metadata: { kernelspec: { name: 'playgrad' } },
      cells: [{ cell_type: 'code' }],
    };
    expect(() => fromIpynb(badCell)).toThrow('cell 1 is not a Jupyter cell with a source text');
  });

  it('rejects a Playgrad notebook whose check points at no exercise', () => {
    const json = toIpynb(parse(readFixture('full-lesson.md')));
    const exercise = json.cells.find((cell) => cell.id === 'grad');
    if (exercise?.metadata.playgrad) exercise.metadata.playgrad.attrs = { id: 'grad' };
    expect(() => fromIpynb(json)).toThrow(/invalid notebook: "solution" cell is for "grad"/);
  });
});
