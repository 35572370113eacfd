/**
 * Debounced autosave: typing saves once the learner pauses, and `flush()` writes whatever
 * is pending right away (the page calls it on `pagehide` and when the tab is hidden, the
 * last moments a browser guarantees).
 *
 * A save that fails (the browser's storage is full) is not dropped: the value waits
 * with the others and is tried again with the next save — the next edit, the page's
 * "Try again", or the flush when the page is hidden. Until then the page's journal
 * (journal.ts) keeps it across a reload.
 */

/** Long enough to batch a burst of keystrokes, short enough that nothing is lost. */
export const AUTOSAVE_DELAY_MS = 300;

export interface Autosaver {
  /** Remembers the latest value for `key` and saves it after the delay. */
  schedule(key: string, value: string): void;
  /** Saves every pending value now. */
  flush(): Promise<void>;
  /** Drops a pending value (e.g. the cell was reset). */
  cancel(key: string): void;
  /** Values waiting to be saved, including ones whose save failed. */
  readonly pending: number;
}

export interface AutosaveEvents {
  /** A save failed; the value stays pending. */
  onError: (error: unknown) => void;
  /** A flush saved everything it had, with nothing left failing (clears a warning). */
  onAllSaved?: () => void;
}

export function createAutosaver(
  save: (key: string, value: string) => Promise<void>,
  events: AutosaveEvents | ((error: unknown) => void),
  delayMs = AUTOSAVE_DELAY_MS,
): Autosaver {
  const { onError, onAllSaved } = typeof events === 'function' ? { onError: events } : events;
  const waiting = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = [...waiting];
    if (batch.length === 0) return;
    waiting.clear();
    let failures = 0;
    await Promise.all(
      batch.map(async ([key, value]) => {
        try {
          await save(key, value);
        } catch (error) {
          failures += 1;
          // Kept for the next try, unless the learner typed something newer meanwhile.
          if (!waiting.has(key)) waiting.set(key, value);
          onError(error);
        }
      }),
    );
    if (failures === 0 && waiting.size === 0) onAllSaved?.();
  }

  return {
    schedule(key, value) {
      waiting.set(key, value);
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    cancel(key) {
      waiting.delete(key);
    },
    get pending() {
      return waiting.size;
    },
  };
}
