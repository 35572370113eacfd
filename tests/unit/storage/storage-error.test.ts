import { describe, expect, test } from 'vitest';
import { StorageError, toStorageError } from '../../../src/storage/storage-error';

describe('toStorageError', () => {
  test('explains a full quota in plain words', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const error = toStorageError(quota, 'save your edit');
    expect(error).toBeInstanceOf(StorageError);
    expect(error.message).toMatch(/^Could not save your edit: the browser's storage .* is full/);
    expect(error.message).toContain('Your edits stay in the editor');
    expect(error.detail).toBe(quota);
  });

  test('explains storage that the browser refuses', () => {
    const denied = { name: 'SecurityError', message: 'denied' };
    expect(toStorageError(denied, 'load your saved edits').message).toContain('private browsing');
  });

  test('keeps the reason of any other failure and passes StorageErrors through', () => {
    expect(toStorageError(new Error('disk on fire'), 'reset the cell').message).toBe(
      'Could not reset the cell: disk on fire',
    );
    const existing = new StorageError('already plain');
    expect(toStorageError(existing, 'x')).toBe(existing);
  });
});
