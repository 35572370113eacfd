import { describe, expect, test } from 'vitest';
import type { ExecuteRequest } from '../../../src/protocol/messages';
import {
  isOutOfMemory,
  LEAK_WARNING_TENSORS,
  tensorsLeft,
} from '../../../src/ui/session/memory-trouble';
import { SessionEngine } from '../../../src/ui/session/session-engine';
import { fakeWorkers, settle, type FakeWorker } from './fake-worker';

function sessionWith(configure?: (worker: FakeWorker) => void) {
  const { factory, workers } = fakeWorkers(configure);
  const session = new SessionEngine({ baseUrl: 'http://site/', workerFactory: factory });
  return { session, workers };
}

/** Ends a cell the way the real kernel does, with the live tensor count. */
function finishWith(worker: FakeWorker, request: ExecuteRequest, ok: boolean, tensors: number) {
  const { id, cellId } = request;
  worker.emit({ type: 'done', id, cellId, ok, ms: 5, defines: [], uses: [], tensors });
}

describe('isOutOfMemory', () => {
  test.each([
    'Array buffer allocation failed',
    'Invalid typed array length: 1600000000',
    'Aborted(). Build with -sASSERTIONS for more info.',
    'memory access out of bounds',
    'Cannot enlarge memory arrays',
    'Out of memory',
  ])('recognises "%s"', (message) => {
    expect(isOutOfMemory(message)).toBe(true);
  });

  test.each(['x is not defined', 'Shapes 3 and 4 must match', 'Aborted by the learner?'])(
    'leaves ordinary errors alone: "%s"',
    (message) => {
      expect(isOutOfMemory(message)).toBe(false);
    },
  );
});

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

  test('a worker that dies of memory is reported as such', async () => {
    const { session, workers } = sessionWith((w) => {
      w.onExecute = () => undefined; // runs until the worker dies
    });
    const run = session.run('big', 'grow()');
    await settle();
    workers[0].fail('Uncaught RangeError: Array buffer allocation failed');
    await expect(run).resolves.toBe(false);
    expect(session.cells.big.outputs.at(-1)).toMatchObject({ ename: 'OutOfMemory' });
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
});
