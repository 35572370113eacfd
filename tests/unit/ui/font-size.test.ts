import { describe, expect, test } from 'vitest';
import {
  DEFAULT_FONT_SIZE,
  FONT_SIZE_KEY,
  MAX_FONT_SIZE,
  MIN_FONT_SIZE,
  readFontSize,
  stepFontSize,
} from '../../../src/ui/present/font-size';
import { MemoryStorage } from '../session/memory-storage';

describe('present font size', () => {
  test('defaults, then remembers each step', () => {
    const store = new MemoryStorage();
    expect(readFontSize(store)).toBe(DEFAULT_FONT_SIZE);
    const bigger = stepFontSize(store, DEFAULT_FONT_SIZE, 1);
    expect(bigger).toBeGreaterThan(DEFAULT_FONT_SIZE);
    expect(store.getItem(FONT_SIZE_KEY)).toBe(String(bigger));
    expect(readFontSize(store)).toBe(bigger);
  });

  test('stays within its limits and ignores garbage', () => {
    const store = new MemoryStorage();
    expect(stepFontSize(store, MAX_FONT_SIZE, 1)).toBe(MAX_FONT_SIZE);
    expect(stepFontSize(store, MIN_FONT_SIZE, -1)).toBe(MIN_FONT_SIZE);
    store.setItem(FONT_SIZE_KEY, 'huge');
    expect(readFontSize(store)).toBe(DEFAULT_FONT_SIZE);
    store.setItem(FONT_SIZE_KEY, '999');
    expect(readFontSize(store)).toBe(MAX_FONT_SIZE);
  });

  test('works when storage throws', () => {
    const blocked = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: (): void => {
        throw new Error('SecurityError');
      },
    };
    expect(readFontSize(blocked)).toBe(DEFAULT_FONT_SIZE);
    expect(stepFontSize(blocked, 20, 1)).toBe(22);
  });
});
