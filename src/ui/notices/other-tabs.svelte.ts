/**
 * The page's side of two tabs on one lesson (storage/edit-broadcast.ts): which cells
 * another tab changed while this tab shows something else, and whether another tab has
 * the lesson open at all. Reactive, so the notices update as announcements arrive.
 */
import { EditBroadcast, type AnnouncementChannel } from '../../storage/edit-broadcast';

export interface OtherTabsOptions {
  /** The code this tab's editor shows for a cell. */
  current: (cellId: string) => string | undefined;
  /** Puts code into a cell as an edit of this tab (journalled, saved, announced). */
  apply: (cellId: string, source: string) => void;
  channel?: AnnouncementChannel;
}

export class OtherTabs {
  /** Cells another tab saved differently, with the code it saved. */
  conflicts = $state<Record<string, string>>({});
  /** Other tabs with this lesson open (as far as they said hello). */
  othersOpen = $state(0);
  private readonly broadcast: EditBroadcast;

  constructor(
    slug: string,
    private readonly options: OtherTabsOptions,
  ) {
    this.broadcast = new EditBroadcast(
      slug,
      {
        onSaved: (cellId, source) => this.heard(cellId, source),
        onOthersChanged: (count) => (this.othersOpen = count),
      },
      options.channel,
    );
    // A closed tab never runs the page's teardown: it says goodbye when it is hidden for good.
    addEventListener('pagehide', this.leave);
    addEventListener('pageshow', this.greet);
  }

  private readonly leave = (): void => this.broadcast.leave();
  private readonly greet = (event: PageTransitionEvent): void => {
    if (event.persisted) this.broadcast.greet();
  };

  /** This tab saved an edit: the other tabs hear of it. */
  announceSaved(cellId: string, source: string): void {
    this.broadcast.announceSaved(cellId, source);
  }

  takeTheirs(cellId: string): void {
    const theirs = this.conflicts[cellId];
    delete this.conflicts[cellId];
    if (theirs !== undefined) this.options.apply(cellId, theirs);
  }

  /** Writes this tab's code back, so storage (and the other tab) get it again. */
  keepMine(cellId: string): void {
    delete this.conflicts[cellId];
    const mine = this.options.current(cellId);
    if (mine !== undefined) this.options.apply(cellId, mine);
  }

  close(): void {
    removeEventListener('pagehide', this.leave);
    removeEventListener('pageshow', this.greet);
    this.broadcast.close();
  }

  private heard(cellId: string, source: string): void {
    const mine = this.options.current(cellId);
    if (mine === undefined) return; // a cell this version of the lesson does not have
    if (mine === source) delete this.conflicts[cellId];
    else this.conflicts[cellId] = source;
  }
}
