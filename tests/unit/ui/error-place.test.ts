import { describe, expect, test } from 'vitest';
import { errorPlace } from '../../../src/ui/outputs/error-place';

describe('errorPlace', () => {
  test('names the line and the column when both are known', () => {
    expect(errorPlace(3, 7)).toBe('at line 3, column 7 of this cell');
  });

  test('names the line alone when the column is unknown', () => {
    expect(errorPlace(3, undefined)).toBe('at line 3 of this cell');
  });

  test('says nothing without a line, even with a column', () => {
    expect(errorPlace(undefined, 7)).toBe('');
  });
});
