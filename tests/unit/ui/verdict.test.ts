import { describe, expect, test } from 'vitest';
import { emptyCellRun, type CellRun } from '../../../src/ui/session/cell-run';
import { EXERCISE_FAILED, EXERCISE_FAILED_TEXT } from '../../../src/ui/exercises/check-run';
import { checkVerdict, isSolved } from '../../../src/ui/exercises/verdict';

const run = (status: CellRun['status'], count?: number, extra: Partial<CellRun> = {}): CellRun => ({
  ...emptyCellRun(),
  status,
  count,
  ...extra,
});

describe('checkVerdict', () => {
  test('a check that ran ok says so', () => {
    expect(checkVerdict(run('ok', 2))).toEqual({ kind: 'correct', text: 'Correct — well done' });
  });

  test('a check that threw gives its own message', () => {
    const failed = run('error', 2, {
      outputs: [
        { type: 'stream', name: 'stdout', text: 'checking…\n' },
        { type: 'error', ename: 'Error', message: 'dw is all zeros: is it still the TODO?' },
      ],
    });
    expect(checkVerdict(failed)).toEqual({
      kind: 'not-yet',
      text: 'Not yet: dw is all zeros: is it still the TODO?',
    });
  });

  test('a check blocked by a failing exercise says to fix the exercise, not "Not yet"', () => {
    const blocked = run('error', undefined, {
      outputs: [{ type: 'error', ename: EXERCISE_FAILED, message: EXERCISE_FAILED_TEXT }],
    });
    expect(checkVerdict(blocked)).toEqual({
      kind: 'exercise-failed',
      text: 'Your exercise cell failed — fix it first',
    });
  });

  test('no verdict before, during or after an outdated run', () => {
    for (const status of ['idle', 'queued', 'running', 'stale', 'interrupted'] as const) {
      expect(checkVerdict(run(status, 1))).toBeUndefined();
    }
    expect(checkVerdict(undefined)).toBeUndefined();
  });
});

describe('isSolved', () => {
  test('the check passed after the exercise ran', () => {
    expect(isSolved(run('ok', 3), run('ok', 4))).toBe(true);
    expect(isSolved(run('stale', 3), run('ok', 4))).toBe(true);
  });

  test('not when the check is older than the exercise’s latest run, or failed', () => {
    expect(isSolved(run('ok', 5), run('ok', 4))).toBe(false);
    expect(isSolved(run('ok', 3), run('error', 4))).toBe(false);
    expect(isSolved(run('error', 3), run('ok', 4))).toBe(false);
  });

  test('not when the exercise never ran in this kernel', () => {
    expect(isSolved(undefined, run('ok', 4))).toBe(false);
    expect(isSolved(run('idle'), run('ok', 4))).toBe(false);
  });
});
