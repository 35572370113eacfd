import { describe, expect, test } from 'vitest';
import { lessonModel } from '../../../src/notebook/lesson';
import { parse } from '../../../src/notebook/parse';
import type { CodeCell } from '../../../src/notebook/types';

const HEAD = '---\ntitle: t\nweek: 1\norder: 1\n---\n\n';

function code(id: string, attrs: Record<string, string | true>, lang = 'ts'): CodeCell {
  const role = (['exercise', 'solution', 'check', 'hint'] as const).find((r) => attrs[r]);
  const cell: CodeCell = {
    kind: 'code',
    id,
    lang,
    role: role ?? 'code',
    attrs,
    source: id,
    fence: '```',
  };
  if (typeof attrs.for === 'string') cell.for = attrs.for;
  return cell;
}

describe('lessonModel', () => {
  test('gathers each exercise with its solution, hints in order and check, wherever written', () => {
    const nb = parse(
      HEAD +
        '```md {hint for=grad}\nfirst\n```\n\n' +
        '```ts {id=load}\n1\n```\n\n' +
        '```ts {id=grad exercise}\n// TODO\n```\n\n' +
        '```ts {check for=grad}\ncheck()\n```\n\n' +
        '```md {hint for=grad}\nsecond\n```\n\n' +
        '```ts {solution for=grad}\nanswer\n```\n\n' +
        '```ts {id=free cleanup}\nfree()\n```\n\n' +
        '```python\nprint(1)\n```\n',
    );
    const lesson = lessonModel(nb.cells);
    expect(lesson.exercises.map((e) => e.id)).toEqual(['grad']);
    const grad = lesson.exercise('grad');
    expect(grad?.cell.source).toBe('// TODO');
    expect(grad?.solution?.source).toBe('answer');
    expect(grad?.check?.source).toBe('check()');
    expect(grad?.hints.map((h) => h.source)).toEqual(['first', 'second']);
    expect(lesson.runnable.map((c) => c.id)).toEqual(['load', 'grad', 'cell-3', 'free']);
    expect([...lesson.cleanup]).toEqual(['free']);
    expect(lesson.exerciseOf(grad!.check!)).toBe(grad);
    expect(lesson.exerciseOf(lesson.runnable[0])).toBeUndefined();
    expect(lesson.problems).toEqual([]);
  });

  test('an exercise without a check or solution is still an exercise', () => {
    const lesson = lessonModel([code('ex', { id: 'ex', exercise: true })]);
    expect(lesson.exercises).toEqual([{ id: 'ex', cell: expect.anything(), hints: [] }]);
  });

  test('reports cells for a missing exercise and a second solution or check', () => {
    const lesson = lessonModel([
      code('ex', { id: 'ex', exercise: true }),
      code('s1', { solution: true, for: 'ex' }),
      code('s2', { solution: true, for: 'ex' }),
      code('c1', { check: true, for: 'ex' }),
      code('c2', { check: true, for: 'ex' }),
      code('lost', { check: true, for: 'nope' }),
    ]);
    expect(lesson.problems.map((p) => [p.cell.id, p.message])).toEqual([
      ['s2', 'exercise "ex" already has a solution cell: write one per exercise'],
      ['c2', 'exercise "ex" already has a check cell: write one per exercise'],
      ['lost', '"check" cell is for "nope", but no exercise cell has that id'],
    ]);
    // The first of each is the one used.
    expect(lesson.exercise('ex')?.solution?.id).toBe('s1');
  });
});

describe('parse validates the lesson model', () => {
  test('a second check for one exercise names its line', () => {
    const text =
      HEAD +
      '```ts {id=ex exercise}\n1\n```\n\n```ts {check for=ex}\n2\n```\n\n```ts {check for=ex}\n3\n```\n';
    expect(() => parse(text)).toThrow(
      'exercise "ex" already has a check cell: write one per exercise (line 15)',
    );
  });

  test('cleanup is a flag on an ordinary code cell', () => {
    expect(() => parse(HEAD + '```ts {cleanup=yes}\n1\n```\n')).toThrow(
      '"cleanup" is a flag: write {cleanup}, not {cleanup=yes} (line 7)',
    );
    expect(() => parse(HEAD + '```ts {id=ex exercise cleanup}\n1\n```\n')).toThrow(
      '"cleanup" marks an ordinary TS/JS cell that frees memory, not an "exercise" cell (line 7)',
    );
    expect(() => parse(HEAD + '```python {cleanup}\n1\n```\n')).toThrow(
      'not a cell that never runs (line 7)',
    );
    const ok = parse(HEAD + '```ts {id=free cleanup}\n1\n```\n');
    expect(ok.cells[1]).toMatchObject({ kind: 'code', role: 'code', attrs: { cleanup: true } });
  });
});
