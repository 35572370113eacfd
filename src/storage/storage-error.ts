/**
 * A failure to keep the learner's work, phrased for the learner. The page shows it in a
 * banner; the edit itself stays in the editor, so nothing is lost silently.
 */
export class StorageError extends Error {
  constructor(
    message: string,
    /** The browser's own error, for the console. */
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Turns what IndexedDB threw into a StorageError with a message a learner can act on. */
export function toStorageError(error: unknown, action: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  if (name === 'QuotaExceededError') {
    return new StorageError(
      `Could not ${action}: the browser's storage for this site is full. ` +
        'Your edits stay in the editor; free some space or export the notebook to keep them.',
      error,
    );
  }
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
    return new StorageError(
      `Could not ${action}: this browser does not let the site store data ` +
        '(private browsing?). Your edits stay in the editor until you leave the page.',
      error,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new StorageError(`Could not ${action}: ${reason}`, error);
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}
