import { describe, expect, test } from 'vitest';
import { isOutOfMemory } from '../../../src/kernel/out-of-memory';

function errorOf(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('isOutOfMemory', () => {
  test.each([
    ['RangeError', 'Array buffer allocation failed'],
    ['RangeError', 'Invalid typed array length: 1600000000'],
    ['RuntimeError', 'Aborted(). Build with -sASSERTIONS for more info.'],
    ['RuntimeError', 'memory access out of bounds'],
    ['Error', 'Cannot enlarge memory arrays'],
  ])('recognises %s: %s', (name, message) => {
    expect(isOutOfMemory(errorOf(name, message))).toBe(true);
  });

  test('new Array(-1) is an ordinary RangeError, not running out of memory', () => {
    let thrown: unknown;
    try {
      // eslint-disable-next-line @typescript-eslint/no-array-constructor
      new Array(-1);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RangeError);
    expect(isOutOfMemory(thrown)).toBe(false);
  });

  test.each([
    ['ReferenceError', 'x is not defined'],
    ['Error', 'Shapes 3 and 4 must match'],
    ['Error', 'Aborted by the learner?'],
    ['RangeError', 'Invalid array length'],
  ])('leaves ordinary errors alone: %s: %s', (name, message) => {
    expect(isOutOfMemory(errorOf(name, message))).toBe(false);
  });

  test('a thrown string is never out of memory', () => {
    expect(isOutOfMemory('Array buffer allocation failed')).toBe(false);
  });
});
