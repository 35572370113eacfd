import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  changedCells,
  linkChangesToApply,
  matchLesson,
  planLessonImport,
  withCode,
} from '../../../src/notebook/lesson-changes';
import { fromIpynb, toIpynb } from '../../../src/notebook/ipynb';
import { parse } from '../../../src/notebook/parse';
import { lessonItems, runnableCells } from '../../../src/ui/session/lesson-view';
import type { LessonEntry } from '../../../src/notebook/types';

const lesson = parse(readFileSync('notebooks/week1/gradient-descent.md', 'utf8'));
const lessons: LessonEntry[] = [
  { slug: 'week1/gradient-descent', frontMatter: { title: 'Gradient descent', week: 1, order: 1 } },
  { slug: 'week2/pca', frontMatter: { title: 'PCA', week: 2, order: 1 } },
  { slug: 'a/twin', frontMatter: { title: 'Twin', week: 3, order: 1 } },
  { slug: 'b/twin', frontMatter: { title: 'Twin', week: 3, order: 2 } },
];
const titled = (title: string) => ({ ...lesson, frontMatter: { ...lesson.frontMatter, title } });

describe('changedCells', () => {
  test('only the cells whose code differs', () => {
    expect(changedCells({ a: 'x', b: 'y2', c: 'z' }, { a: 'x', b: 'y', c: 'z' })).toEqual({
      b: 'y2',
    });
  });
});

describe('matchLesson', () => {
  test('by the slug a Playgrad .ipynb names, even when the title changed', () => {
    expect(matchLesson({ notebook: titled('Renamed'), slug: 'week2/pca' }, lessons)?.slug).toBe(
      'week2/pca',
    );
  });

  test('by a unique title, ignoring case and spacing', () => {
    expect(matchLesson({ notebook: titled('  gradient   Descent ') }, lessons)?.slug).toBe(
      'week1/gradient-descent',
    );
  });

  test('no match for an unknown title or a title two lessons share', () => {
    expect(matchLesson({ notebook: titled('My own notebook') }, lessons)).toBeUndefined();
    expect(matchLesson({ notebook: titled('Twin') }, lessons)).toBeUndefined();
  });
});

describe('planLessonImport', () => {
  test('counts the cells whose code would change and names unknown cells', () => {
    const imported = {
      ...lesson,
      cells: [
        ...lesson.cells.map((cell) =>
          cell.kind === 'code' && cell.id === 'model' ? { ...cell, source: 'changed' } : cell,
        ),
        {
          kind: 'code' as const,
          id: 'extra',
          lang: 'ts',
          role: 'code' as const,
          attrs: {},
          source: '1',
          fence: '```',
        },
      ],
    };
    const current = Object.fromEntries(
      lesson.cells.flatMap((cell) =>
        cell.kind === 'code' && cell.role !== 'solution' ? [[cell.id, cell.source]] : [],
      ),
    );
    current.train = 'my edit';
    const plan = planLessonImport(imported, current);
    const train = lesson.cells.find((cell) => cell.id === 'train');
    expect(plan.changes).toEqual({
      model: 'changed',
      train: train?.kind === 'code' ? train.source : '',
    });
    expect(plan.unknown).toEqual(['extra']);
  });
});

describe('a cell id that is also an Object property', () => {
  const code = { a: '1' };
  test('is not a cell every record has', () => {
    expect(changedCells(code, { constructor: 'x', toString: 'y', a: '1' })).toEqual({});
    expect(linkChangesToApply({ constructor: 'evil', toString: 'evil' }, code)).toEqual({});
    const imported = parse(
      '---\ntitle: T\nweek: 1\norder: 1\n---\n\n```ts {id=constructor}\n1\n```\n',
    );
    expect(planLessonImport(imported, code)).toEqual({ changes: {}, unknown: ['constructor'] });
    const replaced = withCode(imported, {});
    expect(replaced.cells.find((cell) => cell.id === 'constructor')).toMatchObject({ source: '1' });
  });
});

describe('re-importing its own export', () => {
  test("finds no change and no unknown cell: hints, solutions and checks are the lesson's own", () => {
    const current = Object.fromEntries(
      runnableCells(lessonItems(lesson)).map((cell) => [cell.id, cell.source]),
    );
    expect(lesson.cells.some((cell) => cell.kind === 'code' && cell.role === 'hint')).toBe(true);
    const { notebook } = fromIpynb(JSON.parse(JSON.stringify(toIpynb(lesson))));
    expect(planLessonImport(notebook, current)).toEqual({ changes: {}, unknown: [] });
  });
});

describe('linkChangesToApply', () => {
  test('drops cells the lesson lacks and cells that already hold that code', () => {
    expect(linkChangesToApply({ a: '1', b: '2', gone: '3' }, { a: '1', b: 'x' })).toEqual({
      b: '2',
    });
  });
});
