import { describe, expect, test } from 'vitest';
import {
  clearJournal,
  journalEdit,
  readJournal,
  settleJournal,
  type JournalStorage,
} from '../../../src/storage/journal';

function memoryStorage(): JournalStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('edit journal', () => {
  test('journalEdit keeps the latest code per cell, per lesson', () => {
    const storage = memoryStorage();
    journalEdit('w1/a', 'fit', 'x = 1', storage);
    journalEdit('w1/a', 'fit', 'x = 2', storage);
    journalEdit('w1/a', 'plot', 'y', storage);
    journalEdit('w1/b', 'fit', 'other lesson', storage);
    expect(readJournal('w1/a', storage)).toEqual({ fit: 'x = 2', plot: 'y' });
    expect(readJournal('w1/b', storage)).toEqual({ fit: 'other lesson' });
  });

  test('settleJournal drops an entry only when IndexedDB has its latest code', () => {
    const storage = memoryStorage();
    journalEdit('l', 'fit', 'v1', storage);
    journalEdit('l', 'fit', 'v2', storage); // typed again while v1 was being saved
    settleJournal('l', 'fit', 'v1', storage);
    expect(readJournal('l', storage)).toEqual({ fit: 'v2' });
    settleJournal('l', 'fit', 'v2', storage);
    expect(readJournal('l', storage)).toEqual({});
    expect(storage.data.size).toBe(0);
  });

  test('clearJournal forgets one cell or the whole lesson', () => {
    const storage = memoryStorage();
    journalEdit('l', 'a', '1', storage);
    journalEdit('l', 'b', '2', storage);
    clearJournal('l', 'a', storage);
    expect(readJournal('l', storage)).toEqual({ b: '2' });
    clearJournal('l', undefined, storage);
    expect(readJournal('l', storage)).toEqual({});
  });

  test('corrupt or unavailable storage reads as empty and never throws', () => {
    const storage = memoryStorage();
    storage.data.set('playgrad:journal:l', '{not json');
    expect(readJournal('l', storage)).toEqual({});
    storage.data.set('playgrad:journal:l', JSON.stringify({ a: 1, b: 'ok' }));
    expect(readJournal('l', storage)).toEqual({ b: 'ok' });
    const full: JournalStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => journalEdit('l', 'a', 'x', full)).not.toThrow();
    expect(readJournal('l', undefined)).toEqual({});
  });
});
