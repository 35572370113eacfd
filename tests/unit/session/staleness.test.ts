import { describe, expect, test } from 'vitest';
import { findStaleCells, type StalenessInput } from '../../../src/ui/session/staleness';

const ran = (count: number, uses: string[]): StalenessInput => ({ status: 'ok', count, uses });

describe('findStaleCells', () => {
  test('marks earlier cells that use a redefined name, with the names', () => {
    const cells = {
      data: ran(1, []),
      model: ran(2, ['data', 'tf']),
      plot: ran(3, ['model', 'data']),
      data2: ran(4, []),
    };
    expect(findStaleCells('data2', ['data'], cells)).toEqual({
      model: ['data'],
      plot: ['data'],
    });
  });

  test('ignores the finished cell itself, later runs and cells that never ran', () => {
    const cells: Record<string, StalenessInput> = {
      self: ran(3, ['x']),
      later: ran(5, ['x']),
      never: { status: 'idle', uses: ['x'] },
      queued: { status: 'queued', count: 1, uses: ['x'] },
    };
    expect(findStaleCells('self', ['x'], cells)).toEqual({});
  });

  test('adds to the names that already made a cell stale', () => {
    const cells: Record<string, StalenessInput> = {
      a: { status: 'stale', count: 1, uses: ['x', 'y'], staleBecause: ['x'] },
      b: ran(2, []),
    };
    expect(findStaleCells('b', ['y'], cells)).toEqual({ a: ['x', 'y'] });
  });

  test('a cell that defines nothing makes nothing stale', () => {
    expect(findStaleCells('b', [], { a: ran(1, ['x']), b: ran(2, []) })).toEqual({});
  });
});
