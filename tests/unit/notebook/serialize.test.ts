import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/notebook/parse';
import { serialize } from '../../../src/notebook/serialize';
import type { CodeCell, Notebook } from '../../../src/notebook/types';
import { GOOD_FIXTURES, readFixture } from './fixtures';

const lesson = (): Notebook => parse(readFixture('full-lesson.md'));
const code = (nb: Notebook, id: string): CodeCell => {
  const cell = nb.cells.find((c) => c.id === id);
  if (cell?.kind !== 'code') throw new Error(`no code cell ${id}`);
  return cell;
};

describe('serialize', () => {
  it.each(GOOD_FIXTURES)('parse(serialize(nb)) equals nb for %s', (name) => {
    const nb = parse(readFixture(name));
    expect(parse(serialize(nb))).toStrictEqual(nb);
  });

  it('round-trips after a cell source is edited', () => {
    const nb = lesson();
    code(nb, 'grad').source = 'export function gradient(w: number): number {\n  return 42;\n}';
    const text = serialize(nb);
    expect(text).toContain('```ts {id=grad exercise title="Your gradient"}\nexport function');
    expect(parse(text)).toStrictEqual(nb);
  });

  it('round-trips after cells are added at the end', () => {
    const nb = lesson();
    nb.cells.push(
      {
        kind: 'code',
        id: 'cell-9',
        lang: 'ts',
        role: 'code',
        attrs: {},
        source: 'done();',
        fence: '```',
      },
      { kind: 'markdown', id: 'md-9', source: '\nOne more step.\n' },
    );
    const text = serialize(nb);
    expect(text.endsWith('Done.\n```ts\ndone();\n```\n\nOne more step.\n')).toBe(true);
    expect(parse(text)).toStrictEqual(nb);
  });

  it('keeps the ids of cells after one added in the middle', () => {
    const nb = lesson();
    nb.cells.splice(2, 0, {
      kind: 'code',
      id: 'plot',
      lang: 'js',
      role: 'code',
      attrs: { id: 'plot' },
      source: 'plot.line(xs, ys);',
      fence: '```',
    });
    const reparsed = parse(serialize(nb));
    // Positional ids after the new cell would shift; serialize writes them out instead.
    expect(reparsed.cells.map((cell) => cell.id)).toEqual(nb.cells.map((cell) => cell.id));
    expect(code(reparsed, 'plot').source).toBe('plot.line(xs, ys);');
    expect(code(reparsed, 'cell-8').attrs).toEqual({ id: 'cell-8' });
    expect(parse(serialize(reparsed))).toStrictEqual(reparsed);
  });

  it('keeps a moved cell id by writing it into the info string', () => {
    const nb = lesson();
    const last = nb.cells.findLastIndex((cell) => cell.kind === 'code');
    const [moved] = nb.cells.splice(last, 1);
    nb.cells.splice(1, 0, moved); // cell-8 is now the first code cell
    const reparsed = parse(serialize(nb));
    expect(reparsed.cells[1]).toMatchObject({ id: 'cell-8', attrs: { id: 'cell-8' } });
  });

  it('writes fresh YAML when the front matter changed, keeping comments and unknown fields', () => {
    const nb = parse(readFixture('unknown-field.md'));
    nb.frontMatter = { ...nb.frontMatter, title: 'A renamed lesson', minutes: 15 };
    const text = serialize(nb);
    expect(text).toMatch(/^---\ntitle: A renamed lesson\nweek: 3\norder: 1\ndifficulty: hard\n/);
    const reparsed = parse(text);
    expect(reparsed.frontMatter).toEqual({ ...nb.frontMatter });
    expect(reparsed.cells).toStrictEqual(nb.cells);
    expect(reparsed.warnings).toHaveLength(1);
    expect(serialize(reparsed)).toBe(text);

    const full = lesson();
    delete full.frontMatter.summary;
    full.frontMatter.week = 4;
    const rewritten = serialize(full);
    expect(rewritten).toContain('# A lesson that uses every part of the format.\n');
    expect(rewritten).not.toContain('summary:');
    expect(parse(rewritten).frontMatter).toStrictEqual(full.frontMatter);
  });

  it('writes YAML from scratch when there is none to edit', () => {
    const nb: Notebook = {
      frontMatter: { title: 'New', week: 2, order: 3, objectives: ['a', 'b'] },
      frontMatterSource: '',
      cells: [{ kind: 'markdown', id: 'md-1', source: '\nHello.\n' }],
      warnings: [],
    };
    const text = serialize(nb);
    expect(text).toBe(
      '---\ntitle: New\nweek: 2\norder: 3\nobjectives:\n  - a\n  - b\n---\n\nHello.\n',
    );
    expect(parse(text).frontMatter).toStrictEqual(nb.frontMatter);
  });

  it('picks a longer fence when the source contains a closing fence', () => {
    const nb = lesson();
    const cell = code(nb, 'data');
    cell.source = 'const s = `\n```\n`;\nconst t = `\n````\n`;';
    const text = serialize(nb);
    expect(text).toContain('`````ts {id=data}\nconst s');
    expect(code(parse(text), 'data').source).toBe(cell.source);
    const tilde = code(nb, 'cell-6');
    tilde.source = '~~~\n~~~~';
    expect(serialize(nb)).toContain('~~~~~js\n~~~\n~~~~\n~~~~~\n');
    expect(code(parse(serialize(nb)), 'cell-6').source).toBe('~~~\n~~~~');
  });

  it('writes role changes made in the app into the attributes', () => {
    const nb = lesson();
    const check = code(nb, 'cell-4');
    check.role = 'code';
    delete check.for;
    const reparsed = parse(serialize(nb));
    expect(code(reparsed, 'cell-4')).toMatchObject({ role: 'code', attrs: { for: 'grad' } });
    expect(code(reparsed, 'cell-4').attrs.check).toBeUndefined();
  });

  it('starts a fence on its own line after a markdown cell without a final newline', () => {
    const nb = lesson();
    nb.cells[0] = { kind: 'markdown', id: 'md-1', source: 'Edited intro' };
    const text = serialize(nb);
    expect(text).toContain('Edited intro\n```ts {id=data}');
    expect(code(parse(text), 'data').source).toBe(code(nb, 'data').source);
  });
});
