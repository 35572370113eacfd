/**
 * Stop during training whose batches are long: the cell said (in its progress) how long it
 * goes without reading Stop, so the page waits that long for the ping and the cell before
 * it replaces the kernel — and still replaces a kernel that stays silent beyond that.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  MAX_STOP_STEP_MS,
  SessionEngine,
  STOP_GRACE_MS,
  STOP_PING_MS,
  stopPatience,
} from '../../../src/ui/session/session-engine';
import { fakeWorkers } from './fake-worker';

afterEach(() => {
  vi.useRealTimers();
});

describe('stopPatience', () => {
  test('is the usual ping and grace unless steps are longer; a step counts at most 5 s', () => {
    expect(stopPatience(undefined)).toEqual({ pingMs: STOP_PING_MS, graceMs: STOP_GRACE_MS });
    expect(stopPatience(40)).toEqual({ pingMs: STOP_PING_MS, graceMs: STOP_GRACE_MS });
    expect(stopPatience(800)).toEqual({ pingMs: 1600, graceMs: 2400 });
    expect(stopPatience(60_000)).toEqual({
      pingMs: 2 * MAX_STOP_STEP_MS,
      graceMs: 3 * MAX_STOP_STEP_MS,
    });
  });
});

describe('SessionEngine.stop during long training batches', () => {
  function trainingSession() {
    const { factory, workers } = fakeWorkers((w) => {
      w.onExecute = (request, self) => {
        // One batch took 800 ms without reading messages: the bar says so.
        self.emit({
          type: 'progress',
          cellId: request.cellId,
          displayId: 'fit',
          label: 'Training',
          value: 1,
          max: 100,
          stopWithinMs: 800,
        });
      };
    });
    const session = new SessionEngine({ baseUrl: 'http://site/', workerFactory: factory });
    return { session, workers };
  }

  test('waits past the usual ping for a kernel busy with a batch, which then stops the cell', async () => {
    vi.useFakeTimers();
    const { session, workers } = trainingSession();
    const fit = session.run('fit', 'await model.fit(xs, ys)');
    await vi.advanceTimersByTimeAsync(0);
    workers[0].answersPing = false; // inside a batch: no message is read
    const stopped = session.stop();
    await vi.advanceTimersByTimeAsync(STOP_PING_MS + 500);
    expect(workers).toHaveLength(1);
    // The batch ends: the kernel reads the Stop and the cell ends interrupted.
    const request = workers[0].executes()[0];
    workers[0].emit({
      type: 'error',
      cellId: request.cellId,
      ename: 'Interrupted',
      message: 'Training stopped',
    });
    workers[0].finish(request, false);
    await stopped;
    await expect(fit).resolves.toBe(false);
    expect(workers).toHaveLength(1);
    expect(session.cells.fit.status).toBe('interrupted');
    expect(session.stateLost).toBeUndefined();
  });

  test('still replaces a kernel that stays silent longer than twice its longest batch', async () => {
    vi.useFakeTimers();
    const { session, workers } = trainingSession();
    const fit = session.run('fit', 'await model.fit(xs, ys)');
    await vi.advanceTimersByTimeAsync(0);
    workers[0].answersPing = false;
    const stopped = session.stop();
    await vi.advanceTimersByTimeAsync(1600);
    await stopped;
    await expect(fit).resolves.toBe(false);
    expect(workers).toHaveLength(2);
    expect(session.cells.fit.status).toBe('interrupted');
  });
});
