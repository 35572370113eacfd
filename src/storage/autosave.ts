/**
 * Debounced autosave: typing saves once the learner pauses, and `flush()` writes whatever
 * is pending right away (the page calls it on `pagehide` and when the tab is hidden, the
 * last moments a browser guarantees).
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
  readonly pending: number;
}

export function createAutosaver(
  save: (key: string, value: string) => Promise<void>,
  onError: (error: unknown) => void,
  delayMs = AUTOSAVE_DELAY_MS,
): Autosaver {
  const waiting = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = [...waiting];
    waiting.clear();
    await Promise.all(
      batch.map(async ([key, value]) => {
        try {
          await save(key, value);
        } catch (error) {
          onError(error);
        }
      }),
    );
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
