import { describe, expect, test } from 'vitest';
import type { Cell, CodeCell, Notebook } from '../../../src/notebook/types';
import { lessonItems, runnableCells, splitAfterTitle } from '../../../src/ui/session/lesson-view';

function code(id: string, overrides: Partial<CodeCell> = {}): CodeCell {
  return {
    kind: 'code',
    id,
    lang: 'ts',
    role: 'code',
    attrs: {},
    source: `// ${id}`,
    fence: '```',
    ...overrides,
  };
}

function notebook(cells: Cell[]): Notebook {
  return {
    frontMatter: { title: 'T', week: 1, order: 1 },
    frontMatterSource: '',
    cells,
    warnings: [],
  };
}

describe('lessonItems', () => {
  test('attaches a solution to its exercise and shows other languages as static', () => {
    const nb = notebook([
      { kind: 'markdown', id: 'md-1', source: '# Title\n' },
      code('fit', { role: 'exercise' }),
      { kind: 'markdown', id: 'md-2', source: '\n\n' },
      code('py', { lang: 'python', role: 'static' }),
      code('sol', { role: 'solution', for: 'fit' }),
      code('chk', { role: 'check', for: 'fit' }),
    ]);
    const items = lessonItems(nb);
    expect(items.map((item) => `${item.kind}:${item.cell.id}`)).toEqual([
      'markdown:md-1',
      'code:fit',
      'static:py',
      'code:chk',
    ]);
    expect(items[1]).toMatchObject({ solution: { id: 'sol' } });
    expect(runnableCells(items).map((cell) => cell.id)).toEqual(['fit', 'chk']);
  });

  test('a solution whose exercise is missing is shown as code, not lost', () => {
    const items = lessonItems(notebook([code('sol', { role: 'solution', for: 'nope' })]));
    expect(items).toEqual([{ kind: 'static', cell: expect.objectContaining({ id: 'sol' }) }]);
  });

  test('a fence in an unknown language is never run', () => {
    const items = lessonItems(notebook([code('sh', { lang: 'sh' })]));
    expect(items[0].kind).toBe('static');
  });
});

describe('splitAfterTitle', () => {
  test('splits right after the level-1 heading line', () => {
    expect(splitAfterTitle('\n# Gradient descent\n\nMost of ML…\n')).toEqual({
      head: '\n# Gradient descent',
      rest: '\n\nMost of ML…\n',
    });
  });

  test('leaves prose without a title alone', () => {
    expect(splitAfterTitle('## Only a section\n')).toBeUndefined();
  });
});

describe('lessonItems with hints', () => {
  test('attaches hints to their exercise in file order and shows them nowhere else', () => {
    const hint = (id: string) => code(id, { lang: 'md', role: 'hint', for: 'fit' });
    const items = lessonItems(
      notebook([hint('h1'), code('fit', { role: 'exercise' }), hint('h2'), code('other')]),
    );
    expect(items.map((item) => `${item.kind}:${item.cell.id}`)).toEqual(['code:fit', 'code:other']);
    expect(items[0]).toMatchObject({ hints: [{ id: 'h1' }, { id: 'h2' }] });
    expect(items[1]).not.toHaveProperty('hints');
  });
});
