/**
 * The UI's handle on one kernel worker: typed requests in, typed messages out.
 *
 * Requests are buffered until the worker says it is ready (its first `idle`), because a
 * module worker takes a moment to load tfjs and pick a backend, and a learner may press
 * Run before that. Messages are routed to the execution of the cell they belong to;
 * messages for a cell that is no longer running (a timer firing late) go to the
 * `onLateMessage` listeners so their outputs are not lost.
 */
import {
  assertNever,
  cellId as toCellId,
  type Backend,
  type BackendChoice,
  type ChatEndpointSettings,
  type DisplayMessage,
  type DoneMessage,
  type ErrorMessage,
  type KernelMessage,
  type KernelRequest,
  type KernelState,
  type ProgressMessage,
  type ResultMessage,
  type StreamMessage,
  type UpdateDisplayMessage,
} from '../../protocol/messages';
import kernelBootstrapUrl from '../../kernel-host/bootstrap.ts?worker&url';
import kernelEntryUrl from '../../kernel/worker.ts?worker&url';
import { SandboxedKernelWorker } from './sandboxed-kernel';

/** The part of `Worker` the client uses, so tests can pass a fake. */
export interface KernelWorker {
  postMessage(message: KernelRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

/** Messages that belong to one cell's outputs. */
export type CellMessage =
  | StreamMessage
  | DisplayMessage
  | UpdateDisplayMessage
  | ResultMessage
  | ErrorMessage
  | ProgressMessage;

/** The worker was terminated on purpose (Stop escalation, restart, dispose). */
export class KernelTerminatedError extends Error {
  constructor(message = 'The kernel was stopped') {
    super(message);
    this.name = 'KernelTerminatedError';
  }
}

/** The worker failed: it could not load, or an error escaped it. */
export class KernelCrashedError extends Error {
  constructor(detail: string) {
    super(`The kernel stopped unexpectedly: ${detail}`);
    this.name = 'KernelCrashedError';
  }
}

export interface KernelClientOptions {
  /** Absolute URL of the site root, ending with '/'. */
  baseUrl: string;
  backend?: Backend | 'auto';
  workerFactory?: () => KernelWorker;
}

interface PendingExecution {
  cellId: string;
  onMessage: (message: CellMessage) => void;
  resolve: (done: DoneMessage) => void;
  reject: (error: Error) => void;
}

type Listener<T> = (value: T) => void;

/**
 * The kernel runs in its own, opaque origin (sandboxed-kernel.ts), so cells cannot reach the
 * page's storage. The dev server serves unbundled modules the kernel's loader cannot
 * rewrite, so there it is an ordinary same-origin module worker.
 */
export function createKernelWorker(siteBase: string): KernelWorker {
  if (import.meta.env.DEV) return new Worker(kernelEntryUrl, { type: 'module' });
  return new SandboxedKernelWorker({
    siteBase,
    entryUrl: new URL(kernelEntryUrl, siteBase).href,
    bootstrapUrl: new URL(kernelBootstrapUrl, siteBase).href,
  });
}

export class KernelClient {
  private readonly worker: KernelWorker;
  private ready = false;
  private dead = false;
  /** Why the worker is gone, given to executions requested afterwards. */
  private deathError: Error = new KernelTerminatedError();
  private nextId = 1;
  private buffered: KernelRequest[] = [];
  private readonly pending = new Map<number, PendingExecution>();
  private readonly statusListeners = new Set<Listener<KernelState>>();
  private readonly backendListeners = new Set<Listener<BackendChoice>>();
  private readonly lateListeners = new Set<Listener<CellMessage>>();
  private readonly crashListeners = new Set<Listener<KernelCrashedError>>();
  private readonly pings = new Map<number, (answered: boolean) => void>();
  private nextPing = 1;

  constructor(options: KernelClientOptions) {
    this.worker = (options.workerFactory ?? (() => createKernelWorker(options.baseUrl)))();
    this.worker.addEventListener('message', (event) => this.receive(event.data));
    this.worker.addEventListener('error', (event) => this.crash(describeError(event)));
    this.worker.addEventListener('messageerror', () =>
      this.crash('a message from the kernel could not be read'),
    );
    // `init` is the one request that must not wait: the worker is ready only after it.
    this.worker.postMessage({
      type: 'init',
      baseUrl: options.baseUrl,
      backend: options.backend ?? 'auto',
    });
  }

  get isReady(): boolean {
    return this.ready;
  }

  onStatus(listener: Listener<KernelState>): () => void {
    return subscribe(this.statusListeners, listener);
  }

  onBackend(listener: Listener<BackendChoice>): () => void {
    return subscribe(this.backendListeners, listener);
  }

  onLateMessage(listener: Listener<CellMessage>): () => void {
    return subscribe(this.lateListeners, listener);
  }

  onCrash(listener: Listener<KernelCrashedError>): () => void {
    return subscribe(this.crashListeners, listener);
  }

  /** Runs `code` as cell `cellId`; resolves with the kernel's `done` (ok or not). */
  execute(
    cellId: string,
    code: string,
    onMessage: (message: CellMessage) => void,
  ): Promise<DoneMessage> {
    if (this.dead) return Promise.reject(this.deathError);
    const id = this.nextId++;
    return new Promise<DoneMessage>((resolve, reject) => {
      this.pending.set(id, { cellId, onMessage, resolve, reject });
      this.send({ type: 'execute', id, cellId: toCellId(cellId), code });
    });
  }

  /** Cooperative stop: helpers that check the flag throw; a tight loop does not notice. */
  interrupt(): void {
    // Before the worker is ready nothing runs, so there is nothing to interrupt.
    if (this.ready && !this.dead) this.worker.postMessage({ type: 'interrupt' });
  }

  /**
   * Resolves true when the worker answers within `timeoutMs`: its event loop is free, so a
   * cooperative stop can still work. False: a cell blocks it (or it is gone).
   */
  ping(timeoutMs: number): Promise<boolean> {
    if (this.dead || !this.ready) return Promise.resolve(!this.dead);
    const id = this.nextPing++;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => answer(false), timeoutMs);
      const answer = (answered: boolean): void => {
        clearTimeout(timer);
        this.pings.delete(id);
        resolve(answered);
      };
      this.pings.set(id, answer);
      this.worker.postMessage({ type: 'ping', id });
    });
  }

  sendInput(name: string, value: unknown): void {
    this.send({ type: 'input', name, value });
  }

  /** The page's chat endpoint (or none), held in the kernel's memory. */
  sendChatSettings(endpoint: ChatEndpointSettings | null): void {
    this.send({ type: 'llm-settings', endpoint });
  }

  /** Ends the worker; every pending execution rejects with `KernelTerminatedError`. */
  terminate(reason?: string): void {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
    this.deathError = new KernelTerminatedError(reason);
    this.rejectAll(this.deathError);
  }

  private send(request: KernelRequest): void {
    if (this.dead) return;
    if (this.ready) this.worker.postMessage(request);
    else this.buffered.push(request);
  }

  private crash(detail: string): void {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
    const error = new KernelCrashedError(detail);
    this.deathError = error;
    this.rejectAll(error);
    for (const listener of this.crashListeners) listener(error);
  }

  private rejectAll(error: Error): void {
    const executions = [...this.pending.values()];
    this.pending.clear();
    this.buffered = [];
    for (const execution of executions) execution.reject(error);
  }

  private receive(data: unknown): void {
    if (this.dead || !isKernelMessage(data)) return;
    const message = data;
    switch (message.type) {
      case 'status':
        if (message.backend)
          for (const listener of this.backendListeners) listener(message.backend);
        if (message.state === 'idle' && !this.ready) this.flush();
        for (const listener of this.statusListeners) listener(message.state);
        return;
      case 'done': {
        const execution = this.pending.get(message.id);
        if (!execution) return;
        this.pending.delete(message.id);
        execution.resolve(message);
        return;
      }
      case 'pong':
        this.pings.get(message.id)?.(true);
        return;
      case 'closed':
        this.crash('a cell closed it (self.close())');
        return;
      case 'stream':
      case 'display':
      case 'update-display':
      case 'result':
      case 'error':
      case 'progress':
        this.route(message);
        return;
      default:
        assertNever(message);
    }
  }

  private flush(): void {
    this.ready = true;
    const requests = this.buffered;
    this.buffered = [];
    for (const request of requests) this.worker.postMessage(request);
  }

  /** The kernel runs executions in order, so the oldest pending one for a cell is running. */
  private route(message: CellMessage): void {
    for (const execution of this.pending.values()) {
      if (execution.cellId === message.cellId) {
        execution.onMessage(message);
        return;
      }
    }
    for (const listener of this.lateListeners) listener(message);
  }
}

function subscribe<T>(listeners: Set<Listener<T>>, listener: Listener<T>): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const MESSAGE_TYPES: ReadonlySet<string> = new Set<KernelMessage['type']>([
  'status',
  'stream',
  'display',
  'update-display',
  'result',
  'error',
  'progress',
  'done',
  'pong',
  'closed',
]);

/** Structured clone keeps the shape; checking the tag guards against foreign messages. */
function isKernelMessage(data: unknown): data is KernelMessage {
  if (typeof data !== 'object' || data === null || !('type' in data)) return false;
  return typeof data.type === 'string' && MESSAGE_TYPES.has(data.type);
}

function describeError(event: Event): string {
  if ('message' in event && typeof event.message === 'string' && event.message) {
    return event.message;
  }
  return 'the worker failed to load or threw an error it did not catch';
}
