import { describe, expect, it } from 'vitest';
import { minimalChange } from '../../../src/ui/editor/minimalChange';

const apply = (text: string, change: ReturnType<typeof minimalChange>) =>
  change ? text.slice(0, change.from) + change.insert + text.slice(change.to) : text;

describe('minimalChange', () => {
  it('is undefined for equal texts', () => {
    expect(minimalChange('const a = 1', 'const a = 1')).toBeUndefined();
  });

  it('replaces only the part that differs', () => {
    expect(minimalChange('const lr = 0.1;\nfit(lr);', 'const lr = 0.01;\nfit(lr);')).toEqual({
      from: 13,
      to: 13,
      insert: '0',
    });
    expect(minimalChange('abc', 'abXc')).toEqual({ from: 2, to: 2, insert: 'X' });
    expect(minimalChange('abc', '')).toEqual({ from: 0, to: 3, insert: '' });
  });

  it('handles repeated characters without overlapping prefix and suffix', () => {
    const change = minimalChange('aaa', 'aa');
    expect(change && change.to - change.from).toBe(1);
    expect(apply('aaa', change)).toBe('aa');
  });

  it('never splits a surrogate pair', () => {
    const before = 'x = "😀"';
    const after = 'x = "😃"';
    const change = minimalChange(before, after);
    expect(apply(before, change)).toBe(after);
    expect(change?.insert).toBe('😃');
  });
});
