/** A scripted stand-in for the kernel worker: answers protocol requests like the real one. */
import type {
  BackendChoice,
  ExecuteRequest,
  KernelMessage,
  KernelRequest,
} from '../../../src/protocol/messages';
import type { KernelWorker } from '../../../src/ui/session/kernel-client';

export const WASM_CHOICE: BackendChoice = {
  backend: 'wasm',
  reason: 'measured',
  trials: [{ backend: 'wasm', ok: true, gflops: 39 }],
  threads: false,
};

type MessageListener = (event: MessageEvent) => void;
type ErrorListener = (event: Event) => void;

export class FakeWorker implements KernelWorker {
  readonly received: KernelRequest[] = [];
  terminated = false;
  /** Answers an execute; the default runs the cell instantly and reports success. */
  onExecute: (request: ExecuteRequest, worker: FakeWorker) => void = (request, worker) =>
    worker.finish(request, true);
  /** When false, the worker stays 'starting' until `start()` is called. */
  autoStart = true;
  /** When false, pings go unanswered, as when a cell blocks the real worker. */
  answersPing = true;
  private readonly messageListeners: MessageListener[] = [];
  private readonly errorListeners: ErrorListener[] = [];

  postMessage(request: KernelRequest): void {
    if (this.terminated) throw new Error('postMessage after terminate');
    this.received.push(request);
    if (request.type === 'init' && this.autoStart) queueMicrotask(() => this.start());
    if (request.type === 'ping' && this.answersPing) {
      const { id } = request;
      queueMicrotask(() => this.emit({ type: 'pong', id }));
    }
    if (request.type === 'execute') {
      // The real worker answers asynchronously; so does the fake.
      queueMicrotask(() => {
        if (!this.terminated) this.onExecute(request, this);
      });
    }
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: 'message', listener: MessageListener): void;
  addEventListener(type: 'error' | 'messageerror', listener: ErrorListener): void;
  addEventListener(type: string, listener: MessageListener | ErrorListener): void {
    if (type === 'message') this.messageListeners.push(listener as MessageListener);
    else if (type === 'error') this.errorListeners.push(listener as ErrorListener);
  }

  start(backend: BackendChoice = WASM_CHOICE): void {
    this.emit({ type: 'status', state: 'starting' });
    this.emit({ type: 'status', state: 'idle', backend });
  }

  emit(message: KernelMessage): void {
    if (this.terminated) return;
    const event = { data: message } as MessageEvent;
    for (const listener of this.messageListeners) listener(event);
  }

  fail(message: string): void {
    const event = Object.assign(new Event('error'), { message });
    for (const listener of this.errorListeners) listener(event);
  }

  finish(
    request: ExecuteRequest,
    ok: boolean,
    names: { defines?: string[]; uses?: string[] } = {},
  ): void {
    this.emit({
      type: 'done',
      id: request.id,
      cellId: request.cellId,
      ok,
      ms: 5,
      defines: names.defines ?? [],
      uses: names.uses ?? [],
    });
  }

  executes(): ExecuteRequest[] {
    return this.received.filter((r): r is ExecuteRequest => r.type === 'execute');
  }
}

/** A factory that records every worker it made, newest last. */
export function fakeWorkers(configure: (worker: FakeWorker) => void = () => undefined): {
  factory: () => FakeWorker;
  workers: FakeWorker[];
} {
  const workers: FakeWorker[] = [];
  return {
    workers,
    factory: () => {
      const worker = new FakeWorker();
      configure(worker);
      workers.push(worker);
      return worker;
    },
  };
}

/** Lets queued microtasks and promise chains run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
