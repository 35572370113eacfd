import { expect, test } from 'vitest';
import {
  clearInputs,
  getInput,
  hasInput,
  onInput,
  setInput,
} from '../../../src/lib/input-registry';

test('getInput returns the latest value set, and nothing after clearInputs', () => {
  expect(getInput('rate')).toBeUndefined();
  setInput('rate', 0.1);
  setInput('rate', 0.3);
  expect(getInput('rate')).toBe(0.3);
  expect(hasInput('rate')).toBe(true);
  clearInputs();
  expect(getInput('rate')).toBeUndefined();
  expect(hasInput('rate')).toBe(false);
});

test('onInput calls its listener with each new value until unsubscribed', () => {
  const seen: unknown[] = [];
  const other: unknown[] = [];
  const stop = onInput('file1', (value) => seen.push(value));
  onInput('file2', (value) => other.push(value));
  setInput('file1', 'a');
  setInput('file1', 'b');
  stop();
  setInput('file1', 'c');
  expect(seen).toEqual(['a', 'b']);
  expect(other).toEqual([]);
});
