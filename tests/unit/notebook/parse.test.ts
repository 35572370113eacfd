import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/notebook/parse';
import { serialize } from '../../../src/notebook/serialize';
import { NotebookError, type CodeCell, type Notebook } from '../../../src/notebook/types';
import { GOOD_FIXTURES, readFixture } from './fixtures';

const codeCells = (nb: Notebook): CodeCell[] =>
  nb.cells.filter((cell): cell is CodeCell => cell.kind === 'code');

function parseError(text: string): NotebookError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof NotebookError) return error;
    throw error;
  }
  throw new Error('expected a NotebookError');
}

describe('parse', () => {
  it.each(GOOD_FIXTURES)('serialize(parse(text)) gives %s back byte for byte', (name) => {
    const text = readFixture(name);
    expect(serialize(parse(text))).toBe(text);
  });

  it('reads CRLF files as LF (and writes LF)', () => {
    const text = readFixture('crlf.md');
    expect(text).toContain('\r\n');
    const nb = parse(text);
    expect(serialize(nb)).toBe(text.replace(/\r\n/g, '\n'));
    expect(codeCells(nb)[0].source).toBe('1 + 1');
    expect(nb.frontMatter).toEqual({ title: 'Line endings', week: 2, order: 0 });
  });

  it('reads the front matter field by field', () => {
    const nb = parse(readFixture('full-lesson.md'));
    expect(nb.frontMatter).toEqual({
      title: 'Gradient descent',
      week: 1,
      order: 1,
      summary: 'Fit a line by walking downhill.',
      objectives: [
        'Derive the gradient of the mean squared error',
        'Implement one step of gradient descent',
      ],
      datasets: ['diabetes'],
      models: [],
      minutes: 40,
    });
    expect(nb.frontMatterSource.split('\n')[0]).toBe(
      '# A lesson that uses every part of the format.',
    );
    expect(nb.warnings).toEqual([]);
  });

  it('makes top-level fences cells with roles, and leaves nested fences in the prose', () => {
    const nb = parse(readFixture('full-lesson.md'));
    expect(codeCells(nb).map((cell) => [cell.id, cell.lang, cell.role, cell.for])).toEqual([
      ['data', 'ts', 'code', undefined],
      ['grad', 'ts', 'exercise', undefined],
      ['cell-3', 'ts', 'solution', 'grad'],
      ['cell-4', 'ts', 'check', 'grad'],
      ['cell-5', 'python', 'static', undefined],
      ['cell-6', 'js', 'code', undefined],
      ['meta', 'ts', 'code', undefined],
      ['cell-8', 'ts', 'code', undefined],
    ]);
    const prose = nb.cells.filter((cell) => cell.kind === 'markdown');
    expect(prose.map((cell) => cell.id)).toEqual(prose.map((_, i) => `md-${i + 1}`));
    // The fence in the list and the one in the quote stayed Markdown.
    expect(prose[1].source).toContain('   ```ts\n   const loss = mse(w);\n   ```');
    expect(prose[1].source).toContain("> console.log('not a cell');");
    expect(prose[0].source).toContain('$$\n\\frac{\\partial L}');
  });

  it('keeps fence markers, attributes and exact sources', () => {
    const cells = codeCells(parse(readFixture('full-lesson.md')));
    const grad = cells[1];
    expect(grad.attrs).toEqual({ id: 'grad', exercise: true, title: 'Your gradient' });
    expect(grad.source).toBe(
      'export function gradient(w: number): number {\n  // TODO: return dL/dw\n  return 0;\n}',
    );
    expect(cells[5].fence).toBe('~~~');
    expect(cells[6].fence).toBe('````');
    expect(cells[6].source).toBe('const md = `\n```ts\ninner\n```\n`;');
  });

  it('represents blank lines between adjacent fences, and no cell for none', () => {
    const nb = parse(readFixture('full-lesson.md'));
    const solution = nb.cells.findIndex((cell) => cell.kind === 'code' && cell.role === 'solution');
    expect(nb.cells[solution - 1].kind).toBe('code'); // no line between exercise and solution
    expect(nb.cells[solution + 1]).toEqual({ kind: 'markdown', id: 'md-3', source: '\n' });
  });

  it('keeps unusual info strings and closing fences as written', () => {
    const cells = codeCells(parse(readFixture('adjacent.md')));
    expect(cells.map((cell) => cell.id)).toEqual(['cell-1', 'quoted id', 'cell-3', 'spaced']);
    expect(cells[2]).toMatchObject({ lang: '', role: 'static', source: '' });
    expect(cells[3]).toMatchObject({
      lang: 'ts',
      info: 'TS   {id=spaced}  ',
      closingFence: '````',
    });
    expect(cells[0].info).toBeUndefined();
  });

  it('warns about unknown front-matter fields and still loads', () => {
    const nb = parse(readFixture('unknown-field.md'));
    expect(nb.frontMatter).toEqual({ title: 'An older lesson', week: 3, order: 1 });
    expect(nb.warnings).toEqual([
      { message: 'front matter: unknown field "difficulty" is ignored', line: 5 },
    ]);
  });

  it.each([
    ['missing-title.md', 'front matter: "title" is required (line 1)', 'title'],
    ['week-one.md', 'front matter: "week" must be a whole number >= 1, got "one" (line 3)', 'week'],
    ['unterminated-fence.md', 'code fence opened at line 9 is never closed (line 9)', undefined],
    [
      'check-without-exercise.md',
      '"check" cell is for "fit", but no exercise cell has that id (line 11)',
      'for',
    ],
    ['duplicate-id.md', 'duplicate cell id "fit" (first used at line 7) (line 11)', 'id'],
  ])('rejects %s with a message naming the field and line', (name, message, field) => {
    const error = parseError(readFixture(name));
    expect(error.message).toBe(message);
    expect(error.field).toBe(field);
  });

  it('points a YAML syntax error at the line that opened the broken list', () => {
    const error = parseError(readFixture('yaml-syntax.md'));
    expect(error.message).toMatch(/^front matter: invalid YAML: .*\(line 4\)$/);
    expect(error.line).toBe(4);
  });

  it('rejects a file without front matter, or with an unclosed one', () => {
    expect(parseError('# Just prose\n').message).toMatch(/^missing front matter.*\(line 1\)$/);
    expect(parseError('---\ntitle: x\nweek: 1\n').message).toMatch(/never closed/);
    expect(parseError('---\n- a\n- b\n---\n').message).toBe(
      'front matter: expected "key: value" lines (title, week, order, …) (line 2)',
    );
  });

  it('checks each field', () => {
    const doc = (yaml: string): string => `---\ntitle: T\nweek: 1\norder: 0\n${yaml}\n---\n`;
    expect(parseError(doc('minutes: -5')).message).toBe(
      'front matter: "minutes" must be a positive number, got -5 (line 5)',
    );
    expect(parseError(doc('datasets: diabetes')).message).toBe(
      'front matter: "datasets" must be a list of strings, got "diabetes" (line 5)',
    );
    expect(parseError('---\ntitle: ""\nweek: 1\norder: 0\n---\n').field).toBe('title');
    expect(parseError('---\ntitle: T\nweek: 1.5\norder: 0\n---\n').message).toContain('got 1.5');
    expect(parseError('---\ntitle: T\nweek: 1\norder: -1\n---\n').field).toBe('order');
  });

  it('rejects solutions without for, and contradictory flags', () => {
    const doc = (body: string): string => `---\ntitle: T\nweek: 1\norder: 0\n---\n${body}`;
    expect(parseError(doc('```ts {solution}\nx\n```\n')).message).toBe(
      'a "solution" cell needs for=<id of its exercise> (line 6)',
    );
    expect(parseError(doc('```ts {id=a exercise check for=a}\nx\n```\n')).message).toBe(
      'a cell cannot be both "exercise" and "check" (line 6)',
    );
    expect(parseError(doc('```python {exercise}\nx\n```\n')).message).toMatch(/can be "exercise"/);
  });

  it('treats an indented top-level fence as prose, with a warning', () => {
    const nb = parse('---\ntitle: T\nweek: 1\norder: 0\n---\n  ```ts\n  x\n  ```\n');
    expect(nb.cells).toEqual([{ kind: 'markdown', id: 'md-1', source: '  ```ts\n  x\n  ```\n' }]);
    expect(nb.warnings[0].line).toBe(6);
  });
});
