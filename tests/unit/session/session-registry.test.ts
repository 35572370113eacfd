import { describe, expect, test } from 'vitest';
import type { CellRun } from '../../../src/ui/session/cell-run';
import {
  RELOADED_MESSAGE,
  SHUT_DOWN_MESSAGE,
  SessionRegistry,
  type RegisteredSession,
} from '../../../src/ui/session/session-registry';
import { MemoryStorage } from './memory-storage';

class FakeSession implements RegisteredSession {
  cells: Record<string, CellRun> = {};
  disposed = false;
  lost: { message: string; rerunIds: string[] } | undefined;

  ran(...ids: string[]): this {
    ids.forEach((id, i) => {
      this.cells[id] = { status: 'ok', outputs: [], defines: [], uses: [], count: i + 1 };
    });
    return this;
  }
  dispose(): void {
    this.disposed = true;
  }
  noteStateLost(message: string, rerunIds: string[]): void {
    this.lost = { message, rerunIds };
  }
}

describe('SessionRegistry', () => {
  test('gives back the same live session for a lesson', () => {
    const registry = new SessionRegistry<FakeSession>(new MemoryStorage());
    const first = registry.session('a', () => new FakeSession());
    expect(registry.session('a', () => new FakeSession())).toBe(first);
    expect(first.lost).toBeUndefined();
  });

  test('keeps three alive; the least recently used is shut down and says so with what ran', () => {
    const registry = new SessionRegistry<FakeSession>(new MemoryStorage(), 3);
    const a = registry.session('a', () => new FakeSession().ran('load', 'train'));
    const b = registry.session('b', () => new FakeSession());
    registry.session('c', () => new FakeSession());
    registry.session('a', () => new FakeSession()); // a used again: b is now the oldest
    registry.session('d', () => new FakeSession());
    expect(b.disposed).toBe(true);
    expect(a.disposed).toBe(false);
    expect(registry.slugs()).toEqual(['c', 'a', 'd']);

    // b never ran anything: coming back says nothing. a ran cells: it would say so.
    expect(registry.session('b', () => new FakeSession()).lost).toBeUndefined();
    registry.session('e', () => new FakeSession());
    registry.session('f', () => new FakeSession()); // a shut down now
    expect(a.disposed).toBe(true);
    const again = registry.session('a', () => new FakeSession());
    expect(again.lost).toEqual({ message: SHUT_DOWN_MESSAGE, rerunIds: ['load', 'train'] });
  });

  test('after a reload, a lesson that had run cells says what was lost, once', () => {
    const storage = new MemoryStorage();
    const before = new SessionRegistry<FakeSession>(storage);
    before.session('a', () => new FakeSession().ran('load'));
    before.session('b', () => new FakeSession());
    before.rememberRanCells();

    const after = new SessionRegistry<FakeSession>(storage);
    expect(after.session('b', () => new FakeSession()).lost).toBeUndefined();
    expect(after.session('a', () => new FakeSession()).lost).toEqual({
      message: RELOADED_MESSAGE,
      rerunIds: ['load'],
    });
    // Nothing ran since: the next reload has nothing more to say.
    after.rememberRanCells();
    const third = new SessionRegistry<FakeSession>(storage);
    expect(third.session('a', () => new FakeSession()).lost).toBeUndefined();
  });

  test('unreadable or missing storage loses nothing but the note', () => {
    const storage = new MemoryStorage();
    storage.setItem('playgrad:ran-cells:a', '{not json');
    expect(
      new SessionRegistry<FakeSession>(storage).session('a', () => new FakeSession()).lost,
    ).toBeUndefined();
    const none = new SessionRegistry<FakeSession>(undefined);
    none.session('a', () => new FakeSession().ran('x'));
    expect(() => none.rememberRanCells()).not.toThrow();
  });
});
