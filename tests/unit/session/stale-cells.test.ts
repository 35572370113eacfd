import { describe, expect, it } from 'vitest';
import type { CellRun } from '../../../src/ui/session/cell-run';
import { staleCells } from '../../../src/ui/session/stale-cells';

const run = (status: CellRun['status'], code?: string) => ({ status, code });

describe('staleCells', () => {
  const order = ['load', 'fit', 'plot', 'check', 'cleanup'];
  const editor: Record<string, string> = {
    load: 'a',
    fit: 'b',
    plot: 'c edited',
    check: 'd',
    cleanup: 'e',
  };
  const codeOf = (id: string) => editor[id];

  it('takes cells marked stale and cells edited since they ran, in page order', () => {
    const cells = {
      check: run('stale', 'd'),
      load: run('ok', 'a'),
      plot: run('ok', 'c'),
      fit: run('ok', 'b'),
    };
    expect(staleCells(order, cells, codeOf)).toEqual(['plot', 'check']);
  });

  it('leaves out cells that never ran here, are running, were stopped, or clean up', () => {
    const cells = {
      load: run('idle'),
      fit: run('running', 'old'),
      plot: run('interrupted', 'c'),
      check: run('queued', 'old'),
      cleanup: run('stale', 'e'),
    };
    expect(staleCells(order, cells, codeOf, new Set(['cleanup']))).toEqual([]);
  });

  it('runs an edited cell again even when its last run failed', () => {
    expect(staleCells(order, { plot: run('error', 'c') }, codeOf)).toEqual(['plot']);
  });
});
