/**
 * What the kernel's replacement offers to re-run, and how Restart marks the cell it cut
 * short: "Re-run cells above" means the cells above, never cleanup.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CellLayout } from '../../../src/ui/session/cell-run';
import {
  RESTARTED_WHILE_RUNNING,
  SessionEngine,
  STOP_GRACE_MS,
} from '../../../src/ui/session/session-engine';
import { fakeWorkers, settle } from './fake-worker';

afterEach(() => {
  vi.useRealTimers();
});

const ORDER = ['load', 'spin', 'train', 'plot', 'cleanup'];

function sessionWith(layout: CellLayout | undefined) {
  const { factory, workers } = fakeWorkers((w) => {
    w.onExecute = (request, self) => {
      // 'spin' ignores the interrupt the second time it runs.
      if (request.cellId === 'spin' && self.executes().length > ORDER.length) return;
      self.finish(request, true, { defines: [request.cellId], uses: [] });
    };
  });
  const session = new SessionEngine({
    baseUrl: 'http://site/',
    workerFactory: factory,
    layout: () => layout,
  });
  return { session, workers };
}

describe('Re-run cells above after a forced Stop', () => {
  test('offers only the cells above the stopped one, in page order, never cleanup', async () => {
    vi.useFakeTimers();
    const layout = { order: ORDER, cleanup: new Set(['cleanup']) };
    const { session } = sessionWith(layout);
    // A Run all ran every cell; then the learner runs the second cell again and stops it.
    await session.runAll(ORDER.map((id) => ({ id, code: id })));
    const spin = session.run('spin', 'while (true) {}');
    await settle();
    const stopped = session.stop();
    await vi.advanceTimersByTimeAsync(STOP_GRACE_MS);
    await stopped;
    await spin;
    expect(session.cells.spin.status).toBe('interrupted');
    expect(session.stateLost?.rerunIds).toEqual(['load']);
  });

  test('with no cell running (a crash between runs), every cell that ran, cleanup left out', async () => {
    const layout = { order: ORDER, cleanup: new Set(['cleanup']) };
    const { session, workers } = sessionWith(layout);
    // Run out of page order: the offer still follows the page.
    for (const id of ['train', 'load', 'cleanup']) await session.run(id, id);
    workers[0].fail('Uncaught InternalError');
    await settle();
    expect(session.stateLost?.rerunIds).toEqual(['load', 'train']);
  });
});

describe('Restart marks the cell it cut short', () => {
  test('the running cell is stopped with a note; an interrupted cell stays marked', async () => {
    const { factory, workers } = fakeWorkers((w) => {
      w.onExecute = (request, self) => {
        if (request.cellId !== 'spin') self.finish(request, true);
      };
    });
    const session = new SessionEngine({ baseUrl: 'http://site/', workerFactory: factory });
    await session.run('load', '1');
    const spin = session.run('spin', 'while (true) {}');
    await settle();
    await session.restart();
    await expect(spin).resolves.toBe(false);
    expect(workers[0].terminated).toBe(true);
    expect(session.cells.spin.status).toBe('interrupted');
    expect(session.cells.spin.outputs.at(-1)).toEqual({
      type: 'error',
      ename: 'Stopped',
      message: RESTARTED_WHILE_RUNNING,
    });
    expect(session.cells.load.status).toBe('idle');
    // A second Restart keeps the mark (the outputs still end early).
    await session.restart();
    expect(session.cells.spin.status).toBe('interrupted');
    expect(session.cells.spin.outputs).toHaveLength(1);
  });
});

describe('a run remembers its code', () => {
  test('cell.code is the code of the latest run', async () => {
    const { session } = sessionWith(undefined);
    await session.run('load', 'const a = 1');
    await session.run('load', 'const a = 2');
    expect(session.cells.load.code).toBe('const a = 2');
  });
});
