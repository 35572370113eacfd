/**
 * The message protocol between the UI (main thread) and the kernel (module Web Worker).
 *
 * This is the only module the kernel and the UI share. The vocabulary follows Jupyter's
 * messaging protocol (execute, stream, display_data, update_display_data, execute_result,
 * error, status) so that outputs map one to one onto `.ipynb` outputs.
 */

/** A cell's id, as written in the notebook (`{id=fit}`) or derived from its position. */
export type CellId = string & { readonly __brand: 'CellId' };

export const cellId = (id: string): CellId => id as CellId;

/**
 * Output data keyed by MIME type, as in Jupyter. `text/plain` is always a string;
 * JSON types (`application/*+json`) hold plain, structured-cloneable objects.
 */
export type MimeBundle = Record<string, unknown>;

/** MIME types Playgrad defines on top of Jupyter's. */
export const MIME = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  png: 'image/png',
  plotly: 'application/vnd.plotly.v1+json',
  table: 'application/vnd.dataresource+json',
  tensor: 'application/vnd.playgrad.tensor+json',
  widget: 'application/vnd.playgrad.widget+json',
} as const;

export type Backend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly Backend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** One backend's result in the start-up measurement. */
export interface BackendTrial {
  backend: Backend;
  ok: boolean;
  /** Measured throughput of a small matmul, when the backend initialised. */
  gflops?: number;
  /** Why the backend could not be used. */
  error?: string;
}

export interface BackendChoice {
  backend: Backend;
  /** How it was chosen: measured, requested by the learner/URL, or a cached measurement. */
  reason: 'measured' | 'requested' | 'cached';
  trials: BackendTrial[];
  /** Whether WASM runs multi-threaded (needs cross-origin isolation). */
  threads: boolean;
  /** How many threads WASM runs on, when `threads` is true and WASM started. */
  threadCount?: number;
}

// ---------------------------------------------------------------- UI → kernel

export interface InitRequest {
  type: 'init';
  /** Absolute URL of the site root, for datasets and WASM files. Ends with '/'. */
  baseUrl: string;
  /** 'auto' measures; a named backend is used if it initialises. */
  backend: Backend | 'auto';
}

export interface ExecuteRequest {
  type: 'execute';
  id: number;
  cellId: CellId;
  code: string;
}

/** Cooperative stop: helpers such as `progress()` check the flag this sets. */
export interface InterruptRequest {
  type: 'interrupt';
}

/** Forget every name the cells defined (the UI replaces the worker for a hard restart). */
export interface RestartRequest {
  type: 'restart';
}

/** A widget (slider, select, button) changed value. */
export interface InputRequest {
  type: 'input';
  name: string;
  value: unknown;
}

/** Is the worker's event loop free? Answered at once with `pong` unless a cell blocks it. */
export interface PingRequest {
  type: 'ping';
  id: number;
}

/** The OpenAI-compatible endpoint chosen in the page's settings (issue 12). */
export interface ChatEndpointSettings {
  baseURL: string;
  model: string;
  /** Held in the kernel's memory only: never written, shown or logged. */
  apiKey?: string;
}

/** The page's chat model choice; null: none (cells use the offline model). */
export interface LlmSettingsRequest {
  type: 'llm-settings';
  endpoint: ChatEndpointSettings | null;
}

export type KernelRequest =
  | InitRequest
  | ExecuteRequest
  | InterruptRequest
  | RestartRequest
  | InputRequest
  | PingRequest
  | LlmSettingsRequest;

// ---------------------------------------------------------------- kernel → UI

export type KernelState = 'starting' | 'idle' | 'busy';

export interface StatusMessage {
  type: 'status';
  state: KernelState;
  /** Present once the backend is chosen (in the first 'idle' after init). */
  backend?: BackendChoice;
}

export interface StreamMessage {
  type: 'stream';
  cellId: CellId;
  name: 'stdout' | 'stderr';
  text: string;
  /** Lines printed before `text` that the kernel did not send (a flood: stream-tail.ts). */
  dropped?: number;
}

export interface DisplayMessage {
  type: 'display';
  cellId: CellId;
  /** Set when the output can be updated later with `update-display`. */
  displayId?: string;
  data: MimeBundle;
}

export interface UpdateDisplayMessage {
  type: 'update-display';
  cellId: CellId;
  displayId: string;
  data: MimeBundle;
}

/** The value of the cell's last expression. */
export interface ResultMessage {
  type: 'result';
  cellId: CellId;
  data: MimeBundle;
}

export interface ErrorMessage {
  type: 'error';
  cellId: CellId;
  ename: string;
  message: string;
  /** 1-based line in the cell's own source (not the transpiled code), when known. */
  line?: number;
  column?: number;
  /** The kernel ran out of memory (JS or WASM): the page starts a fresh kernel. */
  outOfMemory?: boolean;
}

/** A live progress bar; the UI keeps its last state as a widget output. */
export interface ProgressMessage {
  type: 'progress';
  cellId: CellId;
  displayId: string;
  label: string;
  value: number;
  max: number;
  /** Time since the bar started, measured in the kernel (the page derives rate and time left). */
  elapsedMs?: number;
  /** Text after the times, as tqdm's postfix ("loss=0.231"). */
  postfix?: string;
  /**
   * The longest this loop went without reading the kernel's messages (one training batch):
   * how long a Stop may take to be seen, so the page waits that long before it replaces
   * the kernel.
   */
  stopWithinMs?: number;
}

export interface DoneMessage {
  type: 'done';
  id: number;
  cellId: CellId;
  ok: boolean;
  ms: number;
  /** Top-level names the cell declared. */
  defines: string[];
  /** Free names the cell referenced (not declared in the cell itself). */
  uses: string[];
  /** `tf.memory().numTensors` after the cell, when tfjs was loaded (leak accounting). */
  tensors?: number;
  /** The same count when the cell started: what timers made in between is not this cell's. */
  tensorsAtStart?: number;
}

export interface PongMessage {
  type: 'pong';
  id: number;
}

/** The worker is closing itself (a cell called `self.close()`): it will answer no more. */
export interface ClosedMessage {
  type: 'closed';
}

export type KernelMessage =
  | StatusMessage
  | StreamMessage
  | DisplayMessage
  | UpdateDisplayMessage
  | ResultMessage
  | ErrorMessage
  | ProgressMessage
  | DoneMessage
  | PongMessage
  | ClosedMessage;

/** Ends every switch over a message union: a new message kind fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
