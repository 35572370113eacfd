import { afterEach, describe, expect, test, vi } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { SessionEngine, STOP_GRACE_MS, STOP_PING_MS } from '../../../src/ui/session/session-engine';
import { fakeWorkers, settle, type FakeWorker } from './fake-worker';

function sessionWith(configure?: (worker: FakeWorker) => void) {
  const { factory, workers } = fakeWorkers(configure);
  const session = new SessionEngine({ baseUrl: 'http://site/', workerFactory: factory });
  return { session, workers, worker: () => workers[workers.length - 1] };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SessionEngine.run', () => {
  test('runs cells one at a time in the order they were queued, counting like Jupyter', async () => {
    const finishOrder: string[] = [];
    const { session, worker } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        finishOrder.push(request.cellId);
        self.finish(request, true);
      };
    });
    const a = session.run('a', '1');
    const b = session.run('b', '2');
    expect(session.cells.a.status).toBe('running');
    expect(session.cells.b.status).toBe('queued');
    await expect(Promise.all([a, b])).resolves.toEqual([true, true]);
    expect(finishOrder).toEqual(['a', 'b']);
    expect(
      worker()
        .executes()
        .map((r) => r.code),
    ).toEqual(['1', '2']);
    expect([session.cells.a.count, session.cells.b.count]).toEqual([1, 2]);
    expect(session.cells.a).toMatchObject({ status: 'ok', ms: 5 });
    expect(session.kernelState).toBe('idle');
    expect(session.backend?.backend).toBe('wasm');
  });

  test('turns messages into outputs: merged streams, result, error', async () => {
    const { session } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        const cellId = request.cellId;
        self.emit({ type: 'stream', cellId, name: 'stdout', text: 'a' });
        self.emit({ type: 'stream', cellId, name: 'stdout', text: 'b' });
        self.emit({ type: 'result', cellId, data: { [MIME.text]: '42' } });
        self.emit({ type: 'error', cellId, ename: 'TypeError', message: 'bad', line: 3 });
        self.finish(request, false);
      };
    });
    await expect(session.run('a', 'x')).resolves.toBe(false);
    expect(session.cells.a.status).toBe('error');
    expect(session.cells.a.outputs).toEqual([
      { type: 'stream', name: 'stdout', text: 'ab', newlines: 0 },
      { type: 'result', data: { [MIME.text]: '42' } },
      { type: 'error', ename: 'TypeError', message: 'bad', line: 3 },
    ]);
  });

  test("keeps an error's column beside its line, for the error output to show", async () => {
    const { session } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        const cellId = request.cellId;
        self.emit({
          type: 'error',
          cellId,
          ename: 'ReferenceError',
          message: 'x',
          line: 2,
          column: 7,
        });
        self.finish(request, false);
      };
    });
    await session.run('a', 'x');
    expect(session.cells.a.outputs).toEqual([
      { type: 'error', ename: 'ReferenceError', message: 'x', line: 2, column: 7 },
    ]);
  });

  test('clears the previous outputs when a cell runs again', async () => {
    let call = 0;
    const { session } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        call += 1;
        self.emit({ type: 'result', cellId: request.cellId, data: { [MIME.text]: `${call}` } });
        self.finish(request, true);
      };
    });
    await session.run('a', 'x');
    await session.run('a', 'x');
    expect(session.cells.a.outputs).toEqual([{ type: 'result', data: { [MIME.text]: '2' } }]);
    expect(session.cells.a.count).toBe(2);
  });

  test('update-display replaces the output in whichever cell holds it, even after it ran', async () => {
    const { session, worker } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        if (request.cellId === 'a') {
          self.emit({ type: 'display', cellId: request.cellId, displayId: 'd1', data: { v: 1 } });
        }
        self.finish(request, true);
      };
    });
    await session.run('a', 'show()');
    await session.run('b', 'update()');
    worker().emit({
      type: 'update-display',
      cellId: 'b' as never,
      displayId: 'd1',
      data: { v: 2 },
    });
    // Messages are applied on the next frame (a microtask without a browser).
    await settle();
    expect(session.cells.a.outputs).toEqual([{ type: 'display', displayId: 'd1', data: { v: 2 } }]);
    expect(session.cells.b.outputs).toEqual([]);
  });

  test('progress becomes one widget output, updated in place', async () => {
    const { session } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        for (const value of [1, 2, 3]) {
          self.emit({
            type: 'progress',
            cellId: request.cellId,
            displayId: 'p',
            label: 'epochs',
            value,
            max: 3,
          });
        }
        self.finish(request, true);
      };
    });
    await session.run('train', 'fit()');
    expect(session.cells.train.outputs).toHaveLength(1);
    expect(session.cells.train.outputs[0]).toMatchObject({
      type: 'display',
      displayId: 'p',
      data: { [MIME.widget]: { kind: 'progress', label: 'epochs', value: 3, max: 3 } },
    });
  });

  test('a finished cell makes earlier cells that use its names stale', async () => {
    const names: Record<string, { defines: string[]; uses: string[] }> = {
      data: { defines: ['data'], uses: [] },
      model: { defines: ['model'], uses: ['data'] },
      other: { defines: ['z'], uses: [] },
    };
    const { session } = sessionWith((w) => {
      w.onExecute = (request, self) => self.finish(request, true, names[request.cellId]);
    });
    await session.run('data', 'const data = 1');
    await session.run('model', 'const model = data');
    await session.run('other', 'const z = 0');
    expect(session.cells.model.status).toBe('ok');
    await session.run('data', 'const data = 2');
    expect(session.cells.model).toMatchObject({ status: 'stale', staleBecause: ['data'] });
    expect(session.cells.other.status).toBe('ok');
    await session.run('model', 'const model = data');
    expect(session.cells.model.status).toBe('ok');
    expect(session.cells.model.staleBecause).toBeUndefined();
  });
});

describe('SessionEngine.runAll', () => {
  test('stops at the first error and puts the cells after it back as they were', async () => {
    const { session, worker } = sessionWith((w) => {
      w.onExecute = (request, self) => self.finish(request, request.cellId !== 'b');
    });
    await session.run('c', 'before');
    const ok = await session.runAll([
      { id: 'a', code: '1' },
      { id: 'b', code: 'throw 1' },
      { id: 'c', code: '3' },
      { id: 'd', code: '4' },
    ]);
    expect(ok).toBe(false);
    expect(
      worker()
        .executes()
        .map((r) => r.cellId),
    ).toEqual(['c', 'a', 'b']);
    expect(session.cells.b.status).toBe('error');
    expect(session.cells.c.status).toBe('ok');
    expect(session.cells.d.status).toBe('idle');
  });

  test('goes on after a failing cell marked continueOnError (a check)', async () => {
    const { session, worker } = sessionWith((w) => {
      w.onExecute = (request, self) => self.finish(request, request.cellId !== 'check');
    });
    const ok = await session.runAll([
      { id: 'a', code: '1' },
      { id: 'check', code: 'assert()', continueOnError: true },
      { id: 'b', code: '2' },
    ]);
    expect(ok).toBe(false);
    expect(
      worker()
        .executes()
        .map((r) => r.cellId),
    ).toEqual(['a', 'check', 'b']);
    expect(session.cells.b.status).toBe('ok');
  });

  test('resolves true when every cell succeeds', async () => {
    const { session } = sessionWith();
    await expect(
      session.runAll([
        { id: 'a', code: '1' },
        { id: 'b', code: '2' },
      ]),
    ).resolves.toBe(true);
  });
});

describe('SessionEngine.stop', () => {
  test('a cooperative stop marks the cell interrupted and cancels the queue', async () => {
    const { session, worker } = sessionWith((w) => {
      w.onExecute = () => undefined; // runs until interrupted
    });
    const a = session.run('a', 'for (const i of progress(xs)) {}');
    const b = session.run('b', 'later');
    await settle();
    expect(session.cells.a.status).toBe('running');
    expect(session.busy).toBe(true);
    const stopped = session.stop();
    const request = worker().executes()[0];
    expect(worker().received.slice(-2)).toEqual([{ type: 'interrupt' }, { type: 'ping', id: 1 }]);
    worker().emit({
      type: 'error',
      cellId: request.cellId,
      ename: 'InterruptedError',
      message: 'Stopped by the learner',
    });
    worker().finish(request, false);
    await stopped;
    await expect(Promise.all([a, b])).resolves.toEqual([false, false]);
    expect(session.cells.a.status).toBe('interrupted');
    expect(session.cells.b.status).toBe('interrupted');
    expect(session.stateLost).toBeUndefined();
    expect(worker().executes()).toHaveLength(1);
    expect(session.busy).toBe(false);
  });

  test('a cell that ignores the interrupt is ended by replacing the worker after the grace', async () => {
    vi.useFakeTimers();
    let first = true;
    const { session, workers } = sessionWith((w) => {
      // The replacement worker starts only when the test says so.
      w.autoStart = first;
      first = false;
      w.onExecute = (request, self) => {
        if (request.cellId !== 'spin') {
          self.finish(request, true, { defines: [request.cellId], uses: [] });
        }
      };
    });
    await session.run('load', 'const load = 1');
    await session.run('prep', 'const prep = 2');
    const spin = session.run('spin', 'while (true) {}');
    await settle();
    const stopped = session.stop();
    await vi.advanceTimersByTimeAsync(STOP_GRACE_MS - 1);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await stopped;
    await expect(spin).resolves.toBe(false);

    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(session.cells.spin.status).toBe('interrupted');
    expect(session.cells.spin.outputs.at(-1)).toMatchObject({
      type: 'error',
      ename: 'Interrupted',
    });
    expect(session.stateLost?.rerunIds).toEqual(['load', 'prep']);
    expect(session.stateLost?.message).toMatch(/state was lost/);
    // Until the fresh worker is idle the kernel shows 'restarting'.
    expect(session.kernelState).toBe('restarting');
    workers[1].emit({ type: 'status', state: 'starting' });
    expect(session.kernelState).toBe('restarting');
    workers[1].start();
    expect(session.kernelState).toBe('idle');
    // The fresh kernel runs cells again.
    await expect(session.run('load', 'const load = 1')).resolves.toBe(true);
    expect(workers[1].executes()).toHaveLength(1);
    expect(session.cells.load.count).toBe(1);
  });

  test('a worker a cell blocks (no answer to a ping) is replaced without waiting out the grace', async () => {
    vi.useFakeTimers();
    const { session, workers } = sessionWith((w) => {
      w.onExecute = () => undefined; // a tight loop: never ends, never answers
    });
    const spin = session.run('spin', 'while (true) {}');
    await vi.advanceTimersByTimeAsync(0);
    workers[0].answersPing = false;
    const stopped = session.stop();
    await vi.advanceTimersByTimeAsync(STOP_PING_MS - 1);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await stopped;
    await expect(spin).resolves.toBe(false);
    expect(workers).toHaveLength(2);
    expect(session.cells.spin.status).toBe('interrupted');
  });

  test('a cell that calls self.close() is reported and a fresh kernel is started', async () => {
    const { session, workers } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        if (request.cellId === 'a') self.finish(request, true);
        else self.emit({ type: 'closed' });
      };
    });
    await session.run('a', '1');
    await expect(session.run('bye', 'self.close()')).resolves.toBe(false);
    expect(session.cells.bye.outputs.at(-1)).toMatchObject({
      type: 'error',
      message: 'The kernel stopped unexpectedly: a cell closed it (self.close())',
    });
    expect(session.stateLost?.rerunIds).toEqual(['a']);
    expect(workers).toHaveLength(2);
  });

  test('does nothing when nothing runs', async () => {
    const { session, workers } = sessionWith();
    await session.stop();
    expect(workers).toHaveLength(1);
    expect(workers[0].received.map((r) => r.type)).toEqual(['init']);
  });

  test('a finished cell that keeps printing keeps Stop offered, and Stop ends it', async () => {
    const { session, workers } = sessionWith();
    await session.run('timer', 'setInterval(() => console.log(1), 0)');
    expect(session.canStop).toBe(false);
    workers[0].emit({ type: 'stream', cellId: 'timer' as never, name: 'stdout', text: '1\n' });
    await settle();
    expect(session.cells.timer.outputs).toHaveLength(1);
    expect(session.busy).toBe(false);
    expect(session.canStop).toBe(true);
    await session.stop();
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(session.stateLost?.message).toMatch(/still printing/);
    expect(session.canStop).toBe(false);
  });
});

describe('SessionEngine.restart and crashes', () => {
  test('restart keeps outputs, marks cells idle and uses a fresh worker', async () => {
    const { session, workers } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        self.emit({ type: 'result', cellId: request.cellId, data: { [MIME.text]: '1' } });
        self.finish(request, true);
      };
    });
    await session.run('a', '1');
    await session.restart();
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(session.cells.a.status).toBe('idle');
    expect(session.cells.a.outputs).toHaveLength(1);
    await settle();
    expect(session.kernelState).toBe('idle');
  });

  test('a crash while running reports the error, starts a fresh worker and offers a re-run', async () => {
    const { session, workers } = sessionWith((w) => {
      w.onExecute = (request, self) => {
        if (request.cellId === 'a') self.finish(request, true);
      };
    });
    await session.run('a', '1');
    const b = session.run('b', 'boom()');
    await settle();
    workers[0].fail('Uncaught InternalError');
    await expect(b).resolves.toBe(false);
    expect(session.cells.b.status).toBe('error');
    expect(session.cells.b.outputs.at(-1)).toMatchObject({
      type: 'error',
      message: 'The kernel stopped unexpectedly: Uncaught InternalError',
    });
    expect(session.stateLost?.rerunIds).toEqual(['a']);
    expect(workers).toHaveLength(2);
  });

  test('a worker that cannot start is reported, not restarted in a loop', async () => {
    const { session, workers } = sessionWith((w) => {
      w.autoStart = false;
    });
    const a = session.run('a', '1');
    await settle();
    workers[0].fail('Failed to fetch worker.js');
    await expect(a).resolves.toBe(false);
    expect(session.kernelState).toBe('failed');
    expect(session.stateLost?.message).toContain('Failed to fetch worker.js');
    expect(session.cells.a.status).toBe('error');
    expect(workers).toHaveLength(1);
  });
});
