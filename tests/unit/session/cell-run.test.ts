import { describe, expect, it } from 'vitest';
import {
  cellsThatRan,
  cellsToRerun,
  emptyCellRun,
  SCRATCH_CELL_ID,
  type CellRun,
} from '../../../src/ui/session/cell-run';

const ran = (count: number, status: CellRun['status'] = 'ok'): CellRun => ({
  ...emptyCellRun(),
  status,
  count,
});

describe('cellsThatRan', () => {
  it('lists the cells whose run a fresh kernel loses, as they ran, never the scratch cell', () => {
    const cells = {
      b: ran(2),
      a: ran(1, 'stale'),
      [SCRATCH_CELL_ID]: ran(3),
      c: ran(4, 'error'),
      d: emptyCellRun(),
    };
    expect(cellsThatRan(cells)).toEqual(['a', 'b']);
    expect(cellsToRerun(cells, undefined, undefined)).toEqual(['a', 'b']);
    expect(cellsToRerun(cells, 'b', { order: ['a', 'b', 'c'], cleanup: new Set() })).toEqual(['a']);
  });
});
