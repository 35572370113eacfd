import { describe, expect, test } from 'vitest';
import { cellId } from '../../../src/protocol/messages';
import {
  KernelClient,
  KernelCrashedError,
  KernelTerminatedError,
  type CellMessage,
} from '../../../src/ui/session/kernel-client';
import { FakeWorker, WASM_CHOICE, settle } from './fake-worker';

function clientWith(worker: FakeWorker): KernelClient {
  return new KernelClient({ baseUrl: 'http://site/', workerFactory: () => worker });
}

describe('KernelClient', () => {
  test('sends init first and buffers executions until the kernel is idle', async () => {
    const worker = new FakeWorker();
    worker.autoStart = false;
    const client = clientWith(worker);
    const done = client.execute('a', '1 + 1', () => undefined);
    await settle();
    expect(worker.received).toEqual([{ type: 'init', baseUrl: 'http://site/', backend: 'auto' }]);
    expect(client.isReady).toBe(false);

    worker.start();
    await expect(done).resolves.toMatchObject({ type: 'done', cellId: 'a', ok: true });
    expect(worker.received.map((r) => r.type)).toEqual(['init', 'execute']);
  });

  test('gives executions increasing ids and reports status and backend', async () => {
    const worker = new FakeWorker();
    const client = clientWith(worker);
    const states: string[] = [];
    const backends: string[] = [];
    client.onStatus((state) => states.push(state));
    client.onBackend((choice) => backends.push(choice.backend));
    await Promise.all([
      client.execute('a', 'x', () => undefined),
      client.execute('b', 'y', () => undefined),
    ]);
    expect(worker.executes().map((r) => r.id)).toEqual([1, 2]);
    expect(states).toEqual(['starting', 'idle']);
    expect(backends).toEqual([WASM_CHOICE.backend]);
  });

  test("routes messages to the running cell's execution and late ones to listeners", async () => {
    const worker = new FakeWorker();
    worker.onExecute = (request, w) => {
      w.emit({ type: 'stream', cellId: request.cellId, name: 'stdout', text: 'hi\n' });
      w.finish(request, true);
    };
    const client = clientWith(worker);
    const routed: CellMessage[] = [];
    const late: CellMessage[] = [];
    client.onLateMessage((message) => late.push(message));
    await client.execute('a', 'console.log("hi")', (message) => routed.push(message));
    worker.emit({ type: 'update-display', cellId: cellId('a'), displayId: 'd1', data: {} });
    expect(routed).toEqual([{ type: 'stream', cellId: 'a', name: 'stdout', text: 'hi\n' }]);
    expect(late.map((m) => m.type)).toEqual(['update-display']);
  });

  test('ignores data that is not a kernel message', async () => {
    const worker = new FakeWorker();
    const client = clientWith(worker);
    const late: CellMessage[] = [];
    client.onLateMessage((message) => late.push(message));
    await settle();
    worker.emit({ type: 'nonsense' } as never);
    worker.emit('text' as never);
    expect(late).toEqual([]);
  });

  test('a worker error rejects pending executions with a clear error', async () => {
    const worker = new FakeWorker();
    worker.onExecute = () => undefined; // never finishes
    const client = clientWith(worker);
    const crashes: string[] = [];
    client.onCrash((error) => crashes.push(error.message));
    const running = client.execute('a', 'while (true) {}', () => undefined);
    await settle();
    worker.fail('Out of memory');
    await expect(running).rejects.toBeInstanceOf(KernelCrashedError);
    await expect(running).rejects.toThrow('The kernel stopped unexpectedly: Out of memory');
    expect(crashes).toEqual(['The kernel stopped unexpectedly: Out of memory']);
    expect(worker.terminated).toBe(true);
    await expect(client.execute('b', '1', () => undefined)).rejects.toThrow('Out of memory');
  });

  test('terminate rejects pending executions and stops the worker', async () => {
    const worker = new FakeWorker();
    worker.onExecute = () => undefined;
    const client = clientWith(worker);
    const running = client.execute('a', 'loop()', () => undefined);
    await settle();
    client.terminate();
    await expect(running).rejects.toBeInstanceOf(KernelTerminatedError);
    expect(worker.terminated).toBe(true);
  });

  test('interrupt is posted only once the kernel runs', async () => {
    const worker = new FakeWorker();
    worker.autoStart = false;
    const client = clientWith(worker);
    client.interrupt();
    worker.start();
    client.interrupt();
    expect(worker.received.map((r) => r.type)).toEqual(['init', 'interrupt']);
  });
});
