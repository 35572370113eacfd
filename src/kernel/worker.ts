/**
 * The kernel: a module Web Worker that runs notebook cells.
 *
 *   new Worker(new URL('../kernel/worker.ts', import.meta.url), { type: 'module' })
 *
 * Requests are handled by an exhaustive switch. `init`, `execute` and `restart` go
 * through one queue so that cells run strictly one at a time, in the order sent, and only
 * after the backend is chosen; `interrupt` and `input` act at once, so they can reach a
 * cell that is running.
 */
import { setKernelContext } from '../lib/context';
import { watchTraining } from '../lib/fit-watch';
import { formatForConsole } from '../lib/format';
import { toMimeBundle } from '../lib/index';
import { flushPendingOutputs } from '../lib/throttle';
import { compileCell } from './compile';
import { captureConsole } from './console';
import { OutputBatcher } from './output-batcher';
import { describeError } from './error-location';
import { executeCell } from './execute';
import { clearInputs, setInput } from '../lib/input-registry';
import { applySettings as applyLlmSettings } from '../lib/llm/choice';
import { CELL_MODULE_NAMES, CELL_MODULES } from './modules';
import {
  assertNever,
  cellId,
  type CellId,
  type ExecuteRequest,
  type InitRequest,
  type KernelMessage,
  type KernelRequest,
} from '../protocol/messages';
import { resetShared } from './shared-scope';

/** The part of the worker global scope the kernel uses (tsconfig has DOM types only). */
interface WorkerScope {
  postMessage(message: KernelMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
}

const scope = self as unknown as WorkerScope;

const state = {
  baseUrl: '',
  /** The cell running now, or the last one (timers fire after their cell ended). */
  cell: undefined as CellId | undefined,
  interrupted: false,
  /** Set once tfjs is loaded (by init): the `done` message reports live tensors. */
  countTensors: undefined as (() => number) | undefined,
};

let queue: Promise<void> = Promise.resolve();

function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task).catch((error: unknown) => reportKernelError(error));
}

/** Every message goes through the batcher, which sends printed text in bounded bursts. */
const batcher = new OutputBatcher(deliver);

function post(message: KernelMessage): void {
  batcher.send(message);
}

function deliver(message: KernelMessage): void {
  try {
    scope.postMessage(message);
  } catch (error) {
    // An output the browser cannot clone (a function inside a bundle): say so, keep going.
    if (message.type === 'status' || !('cellId' in message)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    scope.postMessage({
      type: 'stream',
      cellId: message.cellId,
      name: 'stderr',
      text: `Could not send a ${message.type} output: ${reason}\n`,
    });
  }
}

async function init(request: InitRequest): Promise<void> {
  state.baseUrl = request.baseUrl;
  setKernelContext({
    emit: post,
    cellId: () => state.cell ?? cellId(''),
    interrupted: () => state.interrupted,
    baseUrl: request.baseUrl,
  });
  captureConsole({
    write(name, text) {
      if (state.cell === undefined) return false;
      batcher.stream(state.cell, name, text);
      return true;
    },
    format: formatForConsole,
  });
  // Loaded here, not at the top, so that the worker answers at once and tfjs loads once.
  const [{ chooseBackend, liveTensorCount }, tf] = await Promise.all([
    import('./backend'),
    import('@tensorflow/tfjs'),
  ]);
  state.countTensors = liveTensorCount;
  // Every model's fit gets a progress bar and a Stop that keeps the kernel (fit-watch.ts).
  watchTraining(tf);
  try {
    const backend = await chooseBackend(request.backend, request.baseUrl);
    post({ type: 'status', state: 'idle', backend });
  } catch (error) {
    // Even tfjs's own CPU backend failed: still answer, so the UI can show the reason.
    const reason = error instanceof Error ? error.message : String(error);
    const trials = [{ backend: 'cpu' as const, ok: false, error: reason }];
    post({
      type: 'status',
      state: 'idle',
      backend: { backend: 'cpu', reason: 'measured', trials, threads: false },
    });
  }
}

async function execute(request: ExecuteRequest): Promise<void> {
  const { id, cellId: cell } = request;
  state.cell = cell;
  state.interrupted = false;
  post({ type: 'status', state: 'busy' });
  const start = performance.now();
  const tensorsAtStart = state.countTensors?.();
  let ok = false;
  let defines: string[] = [];
  let uses: string[] = [];
  try {
    const compiled = compileCell(request.code, { modules: CELL_MODULE_NAMES });
    defines = compiled.defines;
    uses = compiled.uses;
    const outcome = await executeCell(compiled, { modules: CELL_MODULES });
    if (outcome.ok) {
      const data = outcome.value === undefined ? undefined : toMimeBundle(outcome.value);
      if (data) post({ type: 'result', cellId: cell, data });
      ok = true;
    } else {
      post({ type: 'error', cellId: cell, ...outcome.error });
    }
  } catch (error) {
    post({ type: 'error', cellId: cell, ...describeError(error) });
  }
  // Throttled display updates still waiting are sent now, so a finished cell's outputs
  // are complete when the UI (or `playgrad run`) sees `done`.
  flushPendingOutputs();
  const ms = Math.round((performance.now() - start) * 10) / 10;
  const tensors = state.countTensors?.();
  post({ type: 'done', id, cellId: cell, ok, ms, defines, uses, tensors, tensorsAtStart });
  post({ type: 'status', state: 'idle' });
}

async function restart(): Promise<void> {
  resetShared();
  clearInputs();
  state.interrupted = false;
  state.cell = undefined;
  post({ type: 'status', state: 'idle' });
}

function handle(request: KernelRequest): void {
  switch (request.type) {
    case 'init':
      enqueue(() => init(request));
      break;
    case 'execute':
      enqueue(() => execute(request));
      break;
    case 'interrupt':
      state.interrupted = true;
      break;
    case 'restart':
      enqueue(restart);
      break;
    case 'input':
      setInput(request.name, request.value);
      break;
    case 'ping':
      post({ type: 'pong', id: request.id });
      break;
    case 'llm-settings':
      // At once, like `interrupt`: the next `llm.chat` uses it, even in a running cell.
      applyLlmSettings(request.endpoint);
      break;
    default:
      assertNever(request);
  }
}

/** An error outside any cell's await (a timer, an unawaited promise) goes to the last cell. */
function reportKernelError(error: unknown): void {
  const info = describeError(error);
  if (state.cell === undefined) {
    console.error('Playgrad kernel:', error);
    return;
  }
  batcher.stream(state.cell, 'stderr', `${info.ename}: ${info.message}\n`);
}

const REQUEST_TYPES: ReadonlySet<string> = new Set([
  'init',
  'execute',
  'interrupt',
  'restart',
  'input',
  'ping',
  'llm-settings',
]);

function isKernelRequest(data: unknown): data is KernelRequest {
  if (typeof data !== 'object' || data === null) return false;
  const type: unknown = Reflect.get(data, 'type');
  return typeof type === 'string' && REQUEST_TYPES.has(type);
}

scope.addEventListener('message', (event) => {
  if (isKernelRequest(event.data)) handle(event.data);
});
scope.addEventListener('error', (event) => {
  event.preventDefault();
  reportKernelError(event.error ?? new Error(event.message));
});
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  reportKernelError(event.reason);
});

/**
 * `self.close()` in a cell would end the worker silently, leaving a kernel the page shows
 * as ready. Every way to call it goes through the prototype's `close`, replaced (for good)
 * by one that tells the page first.
 */
function announceClose(): void {
  const owner = findOwner(self, 'close');
  if (!owner) return;
  const close: unknown = Reflect.get(owner, 'close');
  if (typeof close !== 'function') return;
  Object.defineProperty(owner, 'close', {
    configurable: false,
    writable: false,
    value: function closeAndTell(this: unknown): void {
      post({ type: 'closed' });
      Reflect.apply(close, this, []);
    },
  });
}

function findOwner(object: object, key: string): object | undefined {
  for (let owner: object | null = object; owner; owner = Object.getPrototypeOf(owner)) {
    if (Object.hasOwn(owner, key)) return owner;
  }
  return undefined;
}

announceClose();
post({ type: 'status', state: 'starting' });
