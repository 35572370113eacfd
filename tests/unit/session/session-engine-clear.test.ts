import { describe, expect, test } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { SessionEngine } from '../../../src/ui/session/session-engine';
import { fakeWorkers } from './fake-worker';

describe('SessionEngine.clearOutputs', () => {
  test('empties every output but keeps the kernel, the statuses and the counts', async () => {
    const { factory, workers } = fakeWorkers((w) => {
      w.onExecute = (request, self) => {
        self.emit({ type: 'result', cellId: request.cellId, data: { [MIME.text]: '1' } });
        self.finish(request, true);
      };
    });
    const session = new SessionEngine({ baseUrl: 'http://site/', workerFactory: factory });
    await session.run('a', '1');
    await session.run('b', '2');
    expect(session.cells.a.outputs).toHaveLength(1);
    session.clearOutputs();
    expect(session.cells.a.outputs).toEqual([]);
    expect(session.cells.b.outputs).toEqual([]);
    expect([session.cells.a.status, session.cells.a.count]).toEqual(['ok', 1]);
    expect(workers).toHaveLength(1);
  });
});
