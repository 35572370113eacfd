import { describe, expect, test } from 'vitest';
import { LAST_VISIT_KEY, readLastVisit, writeLastVisit } from '../../../src/ui/nav/last-visit';
import { MemoryStorage } from '../session/memory-storage';

describe('last visit', () => {
  test('round-trips a lesson and its section', () => {
    const storage = new MemoryStorage();
    const visit = { slug: 'week1/x', title: 'X', section: { id: 'two', title: 'Two' } };
    writeLastVisit(visit, storage);
    expect(readLastVisit(storage)).toEqual(visit);
  });
  test('nothing stored, or something unreadable, is no visit', () => {
    const storage = new MemoryStorage();
    expect(readLastVisit(storage)).toBeUndefined();
    storage.setItem(LAST_VISIT_KEY, '{"slug": 3}');
    expect(readLastVisit(storage)).toBeUndefined();
    storage.setItem(LAST_VISIT_KEY, 'not json');
    expect(readLastVisit(storage)).toBeUndefined();
  });
  test('a malformed section is dropped, the lesson kept', () => {
    const storage = new MemoryStorage();
    storage.setItem(LAST_VISIT_KEY, JSON.stringify({ slug: 'a', title: 'A', section: 'x' }));
    expect(readLastVisit(storage)).toEqual({ slug: 'a', title: 'A', section: undefined });
  });
});
