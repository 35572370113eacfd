import { describe, expect, test } from 'vitest';
import { loadEdits, saveEdit, StorageError } from '../../../src/storage/edits';

// Node has no IndexedDB (and fake-indexeddb is not installed): the real database is
// exercised by the end-to-end suite. Here: a browser without storage gets a StorageError.
describe('edits without IndexedDB', () => {
  test('loadEdits rejects with a StorageError that says what failed', async () => {
    const failure = loadEdits('week1/gd', 'playgrad-test-missing');
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toThrow(/^Could not load your saved edits/);
  });

  test('saveEdit rejects with a StorageError', async () => {
    await expect(saveEdit('s', 'c', 'a', 'b', 'playgrad-test-missing')).rejects.toThrow(
      /^Could not save your edit/,
    );
  });
});
