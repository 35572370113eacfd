/**
 * The notebook session the lesson page (and the headless runner) talks to: the run logic
 * of `SessionEngine` over a Svelte 5 `$state` object, so every component reading
 * `session.cells[id]`, `session.kernelState`, … updates as kernel messages arrive.
 */
import { chatSettings } from '../llm/chat-settings.svelte';
import { browserBackendMemory } from './backend-memory';
import {
  createSessionState,
  SessionEngine,
  type SessionOptions,
  type SessionState,
} from './session-engine';

export { STOP_GRACE_MS } from './session-engine';
export type { RunAllCell, SessionKernelState, SessionOptions, StateLost } from './session-engine';
export type { CellRun, CellStatus } from './cell-run';

function createReactiveState(): SessionState {
  // A deep $state proxy: the engine's mutations (cell.status = …) are tracked.
  const state = $state<SessionState>(createSessionState());
  return state;
}

export class NotebookSession extends SessionEngine {
  constructor(options: SessionOptions) {
    // The page remembers the measured backend in localStorage unless told otherwise.
    const backendMemory = options.backendMemory ?? browserBackendMemory();
    // Every kernel gets the page's chat model choice (⋯ More → Chat model).
    const settings = options.chatSettings ?? chatSettings();
    super({ ...options, backendMemory, chatSettings: settings }, createReactiveState());
  }

  /** Shows the lost-state banner for a loss the session did not cause (shut down, reload). */
  noteStateLost(message: string, rerunIds: string[]): void {
    this.state.stateLost = { message, rerunIds };
  }
}
