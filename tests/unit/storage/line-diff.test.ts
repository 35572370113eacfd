import { describe, expect, test } from 'vitest';
import { lineDiff } from '../../../src/storage/line-diff';

describe('lineDiff', () => {
  test('marks changed lines as removed then added, keeps the rest', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  test('identical text has no changes', () => {
    expect(lineDiff('x\ny', 'x\ny').every((line) => line.kind === 'same')).toBe(true);
  });

  test('finds the minimal diff when a line is inserted', () => {
    const kinds = lineDiff('1\n2\n3\n4', '1\n2\nnew\n3\n4').map((line) => line.kind);
    expect(kinds).toEqual(['same', 'same', 'added', 'same', 'same']);
  });
});
