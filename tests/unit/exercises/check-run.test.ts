/** A check grades the exercise's current code: it runs the exercise first when needed. */
import { describe, expect, test } from 'vitest';
import { runCheck, EXERCISE_FAILED } from '../../../src/ui/exercises/check-run';
import { SessionEngine } from '../../../src/ui/session/session-engine';
import { fakeWorkers } from '../session/fake-worker';

/** The exercise "fails" when its code contains `syntax error`. */
function session() {
  const { factory, workers } = fakeWorkers((w) => {
    w.onExecute = (request, self) => {
      if (request.code.includes('syntax error')) {
        self.emit({
          type: 'error',
          cellId: request.cellId,
          ename: 'SyntaxError',
          message: 'Unexpected token (1:3)',
        });
        self.finish(request, false);
      } else {
        self.finish(request, true, { defines: [request.cellId] });
      }
    };
  });
  const engine = new SessionEngine({ baseUrl: 'http://site/', workerFactory: factory });
  const executed = () => workers[0].executes().map((r) => `${r.cellId}:${r.code}`);
  return { engine, executed };
}

const pair = (exerciseCode: string) => ({
  exercise: { id: 'grad', code: exerciseCode },
  check: { id: 'check', code: 'assert()' },
});

describe('runCheck', () => {
  test('an exercise edited since its run runs again before the check', async () => {
    const { engine, executed } = session();
    await engine.run('grad', 'old');
    await expect(runCheck(engine, pair('new'))).resolves.toBe(true);
    expect(executed()).toEqual(['grad:old', 'grad:new', 'check:assert()']);
    expect(engine.cells.check.count).toBeGreaterThan(engine.cells.grad.count ?? Infinity);
  });

  test('an exercise that never ran runs first', async () => {
    const { engine, executed } = session();
    await runCheck(engine, pair('code'));
    expect(executed()).toEqual(['grad:code', 'check:assert()']);
  });

  test('an unchanged exercise that ran ok is not run again', async () => {
    const { engine, executed } = session();
    await engine.run('grad', 'same');
    await runCheck(engine, pair('same'));
    expect(executed()).toEqual(['grad:same', 'check:assert()']);
  });

  test('a failing exercise: the check does not run and says to fix the exercise', async () => {
    const { engine, executed } = session();
    await engine.run('grad', 'fine');
    await engine.run('check', 'assert()');
    await expect(runCheck(engine, pair('syntax error'))).resolves.toBe(false);
    expect(executed()).toEqual(['grad:fine', 'check:assert()', 'grad:syntax error']);
    expect(engine.cells.grad.status).toBe('error');
    expect(engine.cells.check).toMatchObject({
      status: 'error',
      count: undefined,
      outputs: [{ type: 'error', ename: EXERCISE_FAILED }],
    });
  });
});
