import { describe, expect, test } from 'vitest';
import {
  EditBroadcast,
  type AnnouncementChannel,
  type EditAnnouncement,
} from '../../../src/storage/edit-broadcast';

/** Channels that deliver to every other open channel of the same hub, like BroadcastChannel. */
function hub() {
  const open = new Set<FakeChannel>();
  class FakeChannel implements AnnouncementChannel {
    private readonly listeners: ((event: MessageEvent) => void)[] = [];
    constructor() {
      open.add(this);
    }
    postMessage(message: EditAnnouncement): void {
      if (!open.has(this)) throw new Error('InvalidStateError: channel closed');
      for (const other of open) {
        if (other === this) continue;
        for (const listener of other.listeners) listener({ data: message } as MessageEvent);
      }
    }
    addEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
      this.listeners.push(listener);
    }
    close(): void {
      open.delete(this);
    }
  }
  return () => new FakeChannel();
}

function tab(slug: string, channel: AnnouncementChannel) {
  const heard: [string, string][] = [];
  const others: number[] = [];
  const broadcast = new EditBroadcast(
    slug,
    {
      onSaved: (cellId, source) => heard.push([cellId, source]),
      onOthersChanged: (count) => others.push(count),
    },
    channel,
  );
  return { broadcast, heard, others };
}

describe('EditBroadcast', () => {
  test('tabs on the same lesson find each other and hear each other’s saves', () => {
    const channel = hub();
    const a = tab('week1/gd', channel());
    const b = tab('week1/gd', channel());
    expect(a.others.at(-1)).toBe(1);
    expect(b.others.at(-1)).toBe(1);

    a.broadcast.announceSaved('model', 'const w = 2;');
    expect(b.heard).toEqual([['model', 'const w = 2;']]);
    expect(a.heard).toEqual([]); // a tab does not hear itself

    b.broadcast.close();
    expect(a.others.at(-1)).toBe(0);
  });

  test('another lesson’s tabs and foreign messages are ignored', () => {
    const channel = hub();
    const a = tab('week1/gd', channel());
    const other = tab('week2/pca', channel());
    other.broadcast.announceSaved('model', 'x');
    expect(a.heard).toEqual([]);
    expect(a.others).toEqual([]);

    const stray = channel();
    stray.postMessage({ type: 'saved', slug: 'week1/gd', tab: 'z' } as EditAnnouncement);
    expect(a.heard).toEqual([]);
  });

  test('announcing after the channel closed does not throw', () => {
    const channel = hub();
    const a = tab('week1/gd', channel());
    a.broadcast.close();
    expect(() => a.broadcast.announceSaved('model', 'x')).not.toThrow();
  });
});
