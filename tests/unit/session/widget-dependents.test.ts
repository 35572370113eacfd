import { expect, test } from 'vitest';
import type { DependentInput } from '../../../src/ui/session/widget-dependents';
import { dependentCells } from '../../../src/ui/session/widget-dependents';

function ran(count: number, defines: string[], uses: string[]): DependentInput {
  return { status: 'ok', count, defines, uses };
}

const ORDER = ['data', 'knob', 'predict', 'matrix', 'unrelated', 'later'];

test('dependentCells: users of the widget cell, then users of what they define, in order', () => {
  const cells = {
    data: ran(1, ['scores'], []),
    knob: ran(2, ['threshold'], ['inputs']),
    predict: ran(3, ['predicted'], ['scores', 'threshold']),
    matrix: ran(4, ['cm'], ['predicted']),
    unrelated: ran(5, ['x'], ['scores']),
    later: { status: 'idle', defines: [], uses: [] } as DependentInput,
  };
  expect(dependentCells(['knob'], cells, ORDER)).toEqual(['predict', 'matrix']);
});

test('dependentCells leaves out the widget cell and cells that have not run', () => {
  const cells = {
    knob: ran(1, ['threshold'], ['threshold']),
    predict: { status: 'queued', count: 2, defines: [], uses: ['threshold'] } as DependentInput,
    matrix: { status: 'stale', count: 3, defines: [], uses: ['threshold'] } as DependentInput,
    later: { status: 'error', count: 4, defines: [], uses: ['threshold'] } as DependentInput,
  };
  expect(dependentCells(['knob'], cells, ORDER)).toEqual(['matrix', 'later']);
  expect(dependentCells(['missing'], cells, ORDER)).toEqual([]);
});
