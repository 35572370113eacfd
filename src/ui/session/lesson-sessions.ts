/**
 * The tab's one registry of lesson kernels (see session-registry.ts). When the page goes
 * away (reload, close) it writes down which lessons had run cells, so after a reload the
 * lesson can say what was lost.
 */
import { SessionRegistry, type RanCellsStore } from './session-registry';
import type { NotebookSession } from './session.svelte';

function tabStorage(): RanCellsStore | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage blocked: sessions still survive navigation
  }
}

export const lessonSessions = new SessionRegistry<NotebookSession>(tabStorage());

window.addEventListener('pagehide', () => lessonSessions.rememberRanCells());
