/**
 * What the lesson page exposes on `window` for end-to-end tests and the headless runner:
 * the session, a Run all that runs the cells as shown, and a promise for "loaded".
 */
import type { NotebookSession } from './session.svelte';

export interface PlaygradPageApi {
  session: NotebookSession;
  /** Runs every runnable cell with the code shown in its editor. */
  runAll: () => Promise<boolean>;
  /** Resolves once the notebook is parsed and saved edits are applied (or loading failed). */
  ready: Promise<void>;
}

declare global {
  interface Window {
    playgradPage?: PlaygradPageApi;
  }
}
