/**
 * The kernel sessions of this tab, one per lesson, kept outside the lesson page: leaving a
 * lesson and coming back finds its kernel state and outputs as they were (as a Colab or
 * Jupyter tab would). Each kernel is a Web Worker holding tensors, so at most
 * `MAX_LIVE_SESSIONS` stay alive; opening one more shuts down the least recently used, and
 * that lesson then says its state was lost. A reload loses every kernel: the lessons that
 * had run cells are remembered in sessionStorage (per tab), so the reloaded lesson says so.
 */
import { cellsThatRan, type CellRun } from './cell-run';

export const MAX_LIVE_SESSIONS = 3;

export const SHUT_DOWN_MESSAGE =
  'This lesson’s kernel was shut down while you were in other lessons (at most 3 stay open): outputs and variables are gone; your code edits are kept.';
export const RELOADED_MESSAGE =
  'The page was reloaded: outputs and variables from your last session are gone; your code edits are kept.';

/** What the registry needs of a session (NotebookSession in the app). */
export interface RegisteredSession {
  readonly cells: Record<string, CellRun>;
  dispose(): void;
  /** Shows the "state was lost" note; `rerunIds` can be run again in one click. */
  noteStateLost(message: string, rerunIds: string[]): void;
}

/** Where the cells that ran are remembered across a reload (sessionStorage in the app). */
export interface RanCellsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const RAN_KEY = (slug: string): string => `playgrad:ran-cells:${slug}`;

export class SessionRegistry<S extends RegisteredSession> {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly live = new Map<string, S>();
  /** Lessons shut down to make room, with the cells that had run. */
  private readonly shutDown = new Map<string, string[]>();

  constructor(
    private readonly store: RanCellsStore | undefined,
    private readonly limit = MAX_LIVE_SESSIONS,
  ) {}

  /** The lesson's live session, or a new one from `create` (which then notes what was lost). */
  session(slug: string, create: () => S): S {
    const existing = this.live.get(slug);
    if (existing) {
      this.live.delete(slug);
      this.live.set(slug, existing);
      return existing;
    }
    const session = create();
    const lostByShutDown = this.shutDown.get(slug);
    const lostByReload = lostByShutDown ? undefined : this.ranBeforeReload(slug);
    this.shutDown.delete(slug);
    this.store?.removeItem(RAN_KEY(slug));
    if (lostByShutDown) session.noteStateLost(SHUT_DOWN_MESSAGE, lostByShutDown);
    else if (lostByReload) session.noteStateLost(RELOADED_MESSAGE, lostByReload);
    this.live.set(slug, session);
    this.evictBeyondLimit();
    return session;
  }

  /** The page is going away (reload, close): remember which lessons had run cells. */
  rememberRanCells(): void {
    for (const [slug, session] of this.live) {
      const ran = cellsThatRan(session.cells);
      try {
        if (ran.length > 0) this.store?.setItem(RAN_KEY(slug), JSON.stringify(ran));
      } catch {
        // Storage full or blocked: the reloaded lesson just cannot say what it lost.
      }
    }
  }

  /** Live lesson slugs, least recently used first (for tests). */
  slugs(): string[] {
    return [...this.live.keys()];
  }

  private ranBeforeReload(slug: string): string[] | undefined {
    try {
      const ids: unknown = JSON.parse(this.store?.getItem(RAN_KEY(slug)) ?? 'null');
      return Array.isArray(ids) && ids.length > 0 ? ids.map(String) : undefined;
    } catch {
      return undefined;
    }
  }

  private evictBeyondLimit(): void {
    for (const [slug, session] of this.live) {
      if (this.live.size <= this.limit) return;
      this.live.delete(slug);
      const ran = cellsThatRan(session.cells);
      if (ran.length > 0) this.shutDown.set(slug, ran);
      session.dispose();
    }
  }
}
