import { expect, test } from 'vitest';
import { clearInputs, getInput, setInput } from '../../../src/kernel/inputs';

test('getInput returns the latest value set, and nothing after clearInputs', () => {
  expect(getInput('rate')).toBeUndefined();
  setInput('rate', 0.1);
  setInput('rate', 0.3);
  expect(getInput('rate')).toBe(0.3);
  clearInputs();
  expect(getInput('rate')).toBeUndefined();
});
