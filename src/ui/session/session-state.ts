/** The observable state of a notebook session, and the options it starts with. */
import type {
  Backend,
  BackendChoice,
  ChatEndpointSettings,
  KernelState,
} from '../../protocol/messages';
import type { BackendMemory } from './backend-memory';
import type { CellLayout, CellRun } from './cell-run';
import type { FrameScheduler } from './frame-queue';
import type { KernelWorker } from './kernel-client';

/** 'failed': the worker could not start at all; Restart tries again. */
export type SessionKernelState = KernelState | 'restarting' | 'failed';

export interface StateLost {
  message: string;
  /** Cells that had run before the kernel was replaced, in the order they last ran. */
  rerunIds: string[];
}

export interface SessionState {
  kernelState: SessionKernelState;
  backend: BackendChoice | undefined;
  /** When the measurement behind a 'cached' backend was taken (ms since the epoch). */
  backendMeasuredAt: number | undefined;
  cells: Record<string, CellRun>;
  stateLost: StateLost | undefined;
  /**
   * A finished cell's timer or promise sent output since the last run started: Stop stays
   * offered, since only replacing the kernel ends a timer.
   */
  lateOutput: boolean;
}

export interface SessionOptions {
  /** Absolute URL of the site root, ending with '/'. */
  baseUrl: string;
  backend?: Backend | 'auto';
  /** Where the measured backend is remembered between visits; none: measure every start. */
  backendMemory?: BackendMemory;
  workerFactory?: () => KernelWorker;
  /** The page's cell order and cleanup cells (read when the kernel is replaced). */
  layout?: () => CellLayout | undefined;
  /** When batched kernel messages are applied (default: the next animation frame). */
  frameScheduler?: FrameScheduler;
  /** The page's chat model settings, sent to every kernel it starts (issue 12). */
  chatSettings?: ChatSettingsSource;
}

/** Where the page keeps the chosen chat endpoint (key included, in memory). */
export interface ChatSettingsSource {
  current(): ChatEndpointSettings | null;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (endpoint: ChatEndpointSettings | null) => void): () => void;
}

export function createSessionState(): SessionState {
  return {
    kernelState: 'starting',
    backend: undefined,
    backendMeasuredAt: undefined,
    cells: {},
    stateLost: undefined,
    lateOutput: false,
  };
}

/** One cell of a Run all. */
export interface RunAllCell {
  id: string;
  code: string;
  /**
   * Keep going when this cell fails. For check cells: their failure is feedback for the
   * learner, and the cells after them do not depend on it.
   */
  continueOnError?: boolean;
}

/** A check and the exercise it grades, with the code in their editors now. */
export interface CheckRun {
  exercise: { id: string; code: string };
  check: { id: string; code: string };
}
