/**
 * The latest value of each widget (slider, select, button, file, canvas), by name, as the
 * UI reported it with an `input` message. The `playgrad` inputs helpers read it when a
 * cell re-runs, and `inputs.file(...).text()` waits on it for the learner's pick.
 *
 * `input` messages are handled at once by the worker (not queued behind cells), so a
 * listener here can wake a cell that is awaiting a value.
 */
const inputs = new Map<string, unknown>();
const listeners = new Map<string, Set<(value: unknown) => void>>();

export function setInput(name: string, value: unknown): void {
  inputs.set(name, value);
  for (const listener of [...(listeners.get(name) ?? [])]) listener(value);
}

/** The widget's latest value, or `undefined` before the learner touched it. */
export function getInput(name: string): unknown {
  return inputs.get(name);
}

export function hasInput(name: string): boolean {
  return inputs.has(name);
}

/** Calls `listener` with each new value of `name`; returns the function that unsubscribes. */
export function onInput(name: string, listener: (value: unknown) => void): () => void {
  let set = listeners.get(name);
  if (!set) {
    set = new Set();
    listeners.set(name, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(name);
  };
}

export function clearInputs(): void {
  inputs.clear();
}
