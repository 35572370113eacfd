import { describe, expect, test } from 'vitest';
import { cellsOnUnfinishedExercise } from '../../../src/ui/exercises/unfinished';
import { emptyCellRun, type CellRun } from '../../../src/ui/session/cell-run';

const run = (fields: Partial<CellRun>): CellRun => ({ ...emptyCellRun(), ...fields });
const ORDER = ['load', 'grad', 'check', 'train', 'plot', 'other'];

describe('cellsOnUnfinishedExercise', () => {
  const runs = {
    load: run({ status: 'ok', count: 1, defines: ['data'] }),
    grad: run({ status: 'ok', count: 2, defines: ['gradient'] }),
    check: run({ status: 'error', count: 3, uses: ['gradient'] }),
    train: run({ status: 'ok', count: 4, uses: ['gradient', 'data'] }),
    plot: run({ status: 'ok', count: 5, uses: ['history'] }),
    other: run({ status: 'ok', count: 6, uses: ['gradient'] }),
  };

  test('names the later cells that ran after the failing check and use the exercise', () => {
    expect(cellsOnUnfinishedExercise(ORDER, runs, 'grad', 'check')).toEqual(['train', 'other']);
  });

  test('nothing when the check passed, has not run, or the cells ran before it', () => {
    const passed = { ...runs, check: run({ status: 'ok', count: 3 }) };
    expect(cellsOnUnfinishedExercise(ORDER, passed, 'grad', 'check')).toEqual([]);
    const notRun = { ...runs, check: run({}) };
    expect(cellsOnUnfinishedExercise(ORDER, notRun, 'grad', 'check')).toEqual([]);
    const checkedLater = { ...runs, check: run({ status: 'error', count: 9 }) };
    expect(cellsOnUnfinishedExercise(ORDER, checkedLater, 'grad', 'check')).toEqual([]);
  });
});
