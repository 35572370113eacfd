import { describe, expect, test } from 'vitest';
import { applyEdits, planEdit, type LessonEdits } from '../../../src/storage/edit-record';

describe('planEdit', () => {
  test('stores an edit that differs from the original', () => {
    expect(planEdit('week1/gd', 'fit', 'let w = 1;', 'let w = 0;', 1000)).toEqual({
      kind: 'put',
      record: {
        slug: 'week1/gd',
        cellId: 'fit',
        source: 'let w = 1;',
        original: 'let w = 0;',
        savedAt: 1000,
      },
    });
  });

  test('deletes the record when the learner is back to the original', () => {
    expect(planEdit('week1/gd', 'fit', 'let w = 0;', 'let w = 0;', 1000)).toEqual({
      kind: 'delete',
    });
  });
});

describe('applyEdits', () => {
  const edit = (cellId: string, source: string, original: string) => ({
    slug: 's',
    cellId,
    source,
    original,
    savedAt: 1,
  });

  test("uses the learner's code where there is an edit, the shipped code elsewhere", () => {
    const edits: LessonEdits = { b: edit('b', 'mine', 'theirs'), gone: edit('gone', 'x', 'y') };
    expect(
      applyEdits(
        [
          { id: 'a', source: 'A' },
          { id: 'b', source: 'theirs' },
        ],
        edits,
      ),
    ).toEqual({ a: 'A', b: 'mine' });
  });

  test("keeps the learner's code when the lesson changed since the edit", () => {
    const edits: LessonEdits = { b: edit('b', 'mine', 'old shipped') };
    expect(applyEdits([{ id: 'b', source: 'new shipped' }], edits)).toEqual({ b: 'mine' });
  });
});
