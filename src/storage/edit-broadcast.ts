/**
 * Two tabs on one lesson. Each tab tells the others, over a BroadcastChannel, when it has
 * saved an edit; a tab that hears of a save it does not already show asks its learner
 * what to do (take theirs or keep mine) instead of overwriting either side silently.
 * Tabs also greet each other, so a lesson opened twice can say so.
 *
 * Only announcements travel here; IndexedDB (edits.ts) stays the one store.
 */

export const EDITS_CHANNEL = 'playgrad-edits';

export type EditAnnouncement =
  | { type: 'hello'; slug: string; tab: string }
  | { type: 'here'; slug: string; tab: string }
  | { type: 'bye'; slug: string; tab: string }
  | { type: 'saved'; slug: string; tab: string; cellId: string; source: string };

/** What the tab needs of BroadcastChannel (tests pass a pair of linked stand-ins). */
export interface AnnouncementChannel {
  postMessage(message: EditAnnouncement): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface EditBroadcastEvents {
  /** Another tab saved `source` for a cell of this lesson. */
  onSaved(cellId: string, source: string): void;
  /** How many other tabs have this lesson open changed. */
  onOthersChanged(count: number): void;
}

export class EditBroadcast {
  private readonly tab = randomId();
  private readonly others = new Set<string>();

  constructor(
    private readonly slug: string,
    private readonly events: EditBroadcastEvents,
    private readonly channel: AnnouncementChannel | undefined = openChannel(),
  ) {
    channel?.addEventListener('message', (event) => this.receive(event.data));
    this.greet();
  }

  /** Says hello (at start, and when the page comes back from the back/forward cache). */
  greet(): void {
    this.post({ type: 'hello', slug: this.slug, tab: this.tab });
  }

  /** Says goodbye without closing (the page is being hidden or unloaded). */
  leave(): void {
    this.post({ type: 'bye', slug: this.slug, tab: this.tab });
  }

  /** This tab's edit reached IndexedDB. */
  announceSaved(cellId: string, source: string): void {
    this.post({ type: 'saved', slug: this.slug, tab: this.tab, cellId, source });
  }

  close(): void {
    this.leave();
    this.channel?.close();
  }

  private post(message: EditAnnouncement): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel (the page is going away): nothing to tell.
    }
  }

  private receive(data: unknown): void {
    if (!isAnnouncement(data) || data.slug !== this.slug || data.tab === this.tab) return;
    switch (data.type) {
      case 'hello':
        this.post({ type: 'here', slug: this.slug, tab: this.tab });
        this.meet(data.tab);
        return;
      case 'here':
        this.meet(data.tab);
        return;
      case 'bye':
        if (this.others.delete(data.tab)) this.events.onOthersChanged(this.others.size);
        return;
      case 'saved':
        this.meet(data.tab);
        this.events.onSaved(data.cellId, data.source);
        return;
      default:
        data satisfies never;
    }
  }

  private meet(tab: string): void {
    if (this.others.has(tab)) return;
    this.others.add(tab);
    this.events.onOthersChanged(this.others.size);
  }
}

function openChannel(): AnnouncementChannel | undefined {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(EDITS_CHANNEL) : undefined;
}

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
}

const TYPES: ReadonlySet<string> = new Set(['hello', 'here', 'bye', 'saved']);

function isAnnouncement(data: unknown): data is EditAnnouncement {
  if (typeof data !== 'object' || data === null) return false;
  const { type, slug, tab } = data as Record<string, unknown>;
  if (typeof type !== 'string' || !TYPES.has(type)) return false;
  if (typeof slug !== 'string' || typeof tab !== 'string') return false;
  if (type !== 'saved') return true;
  const { cellId, source } = data as Record<string, unknown>;
  return typeof cellId === 'string' && typeof source === 'string';
}
