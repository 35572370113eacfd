import { describe, expect, test } from 'vitest';
import type { DoneMessage, ExecuteRequest } from '../../../src/protocol/messages';
import { LEAK_WARNING_TENSORS, tensorsLeft } from '../../../src/ui/session/memory-trouble';
import { SessionEngine } from '../../../src/ui/session/session-engine';
import { fakeWorkers, settle, type FakeWorker } from './fake-worker';

function sessionWith(configure?: (worker: FakeWorker) => void) {
  const { factory, workers } = fakeWorkers(configure);
  const session = new SessionEngine({ baseUrl: 'http://site/', workerFactory: factory });
  return { session, workers };
}

/** Ends a cell the way the real kernel does, with the live tensor counts. */
function finishWith(
  worker: FakeWorker,
  request: ExecuteRequest,
  ok: boolean,
  tensors: number,
  tensorsAtStart?: number,
) {
  const { id, cellId } = request;
  const done: DoneMessage = { type: 'done', id, cellId, ok, ms: 5, defines: [], uses: [], tensors };
  worker.emit(tensorsAtStart === undefined ? done : { ...done, tensorsAtStart });
}

describe('tensorsLeft', () => {
  test('counts the growth over the cell, never a negative number', () => {
    expect(tensorsLeft(10, 130)).toBe(120);
    expect(tensorsLeft(130, 10)).toBe(0);
    expect(tensorsLeft(undefined, 4)).toBe(4);
    expect(tensorsLeft(4, undefined)).toBe(0);
  });
});

describe('SessionEngine and memory', () => {
  test('an out-of-memory error restarts the kernel and says so; the cells above can re-run', async () => {
    const { session, workers } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        if (request.cellId === 'big') {
          self.emit({
            type: 'error',
            cellId: request.cellId,
            ename: 'RangeError',
            message: 'Invalid typed array length: 1600000000',
            outOfMemory: true,
          });
          finishWith(self, request, false, 3);
        } else finishWith(self, request, true, 3);
      };
    });
    await session.run('a', 'const w = tf.ones([3])');
    await expect(session.run('big', 'tf.fill([40000, 40000], 1)')).resolves.toBe(false);
    expect(session.cells.big.status).toBe('error');
    expect(session.cells.big.outputs.at(-1)).toMatchObject({
      type: 'error',
      ename: 'OutOfMemory',
      message: expect.stringMatching(/^The kernel ran out of memory/),
    });
    expect(session.stateLost?.message).toMatch(/ran out of memory/);
    expect(session.stateLost?.rerunIds).toEqual(['a']);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    await settle();
    expect(session.kernelState).toBe('idle');
    await expect(session.run('a', 'const w = tf.ones([3])')).resolves.toBe(true);
  });

  test('an ordinary RangeError is not taken for running out of memory', async () => {
    const { session, workers } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        // `new Array(-1)`: the kernel does not name it out of memory, whatever its text says.
        self.emit({
          type: 'error',
          cellId: request.cellId,
          ename: 'RangeError',
          message: 'Invalid array length',
        });
        finishWith(self, request, false, 0);
      };
    });
    await expect(session.run('a', 'new Array(-1)')).resolves.toBe(false);
    expect(session.cells.a.outputs.at(-1)).toMatchObject({ ename: 'RangeError' });
    expect(session.stateLost).toBeUndefined();
    expect(workers).toHaveLength(1);
  });

  test('a crash is reported as a crash, not guessed to be memory from its text', async () => {
    const { session, workers } = sessionWith((w) => {
      w.onExecute = () => undefined; // runs until the worker dies
    });
    const run = session.run('big', 'grow()');
    await settle();
    workers[0].fail('Uncaught RangeError: Array buffer allocation failed');
    await expect(run).resolves.toBe(false);
    expect(session.cells.big.outputs.at(-1)).toMatchObject({ ename: 'KernelCrashedError' });
    expect(workers).toHaveLength(2);
  });

  test('counts the tensors each cell left behind; a fresh kernel starts from none', async () => {
    const counts: Record<string, number> = { a: 2, leaky: 2 + LEAK_WARNING_TENSORS, b: 5 };
    const { session } = sessionWith((w) => {
      w.onExecute = (request, self) => finishWith(self, request, true, counts[request.cellId]);
    });
    await session.run('a', '');
    await session.run('leaky', '');
    expect(session.cells.a.tensorsLeft).toBe(2);
    expect(session.cells.leaky.tensorsLeft).toBe(LEAK_WARNING_TENSORS);
    await session.restart();
    await session.run('b', '');
    expect(session.cells.b.tensorsLeft).toBe(5);
  });

  test('99 tensors per run add up over the runs and reach the warning', async () => {
    let live = 0;
    const { session } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        const atStart = live;
        live += 99;
        finishWith(self, request, true, live, atStart);
      };
    });
    await session.run('leaky', '');
    expect(session.cells.leaky.tensorsLeft).toBe(99);
    await session.run('leaky', '');
    expect(session.cells.leaky.tensorsLeft).toBe(198);
    expect(session.cells.leaky.tensorsLeft).toBeGreaterThanOrEqual(LEAK_WARNING_TENSORS);
  });

  test('a run that leaves nothing starts its count afresh', async () => {
    const left = [120, 0];
    let live = 0;
    const { session } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        const atStart = live;
        live += left.shift() ?? 0;
        finishWith(self, request, true, live, atStart);
      };
    });
    await session.run('a', '');
    expect(session.cells.a.tensorsLeft).toBe(120);
    await session.run('a', '');
    expect(session.cells.a.tensorsLeft).toBe(0);
  });

  test('tensors a timer makes after its cell ended count for that cell, not the next', async () => {
    const { session } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        // 'timer' ends with 2 tensors; its interval then makes 150 before 'next' starts.
        if (request.cellId === 'timer') finishWith(self, request, true, 2, 0);
        else finishWith(self, request, true, 153, 152);
      };
    });
    await session.run('timer', 'setInterval(() => tf.ones([2]), 10)');
    await session.run('next', 'const one = tf.ones([1])');
    expect(session.cells.timer.tensorsLeft).toBe(152);
    expect(session.cells.next.tensorsLeft).toBe(1);
  });
});
