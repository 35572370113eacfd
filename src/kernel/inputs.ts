/**
 * The latest value of each widget (slider, select, button), by name, as the UI reported
 * it with an `input` message. The `playgrad` inputs helpers read it when a cell re-runs.
 */
const inputs = new Map<string, unknown>();

export function setInput(name: string, value: unknown): void {
  inputs.set(name, value);
}

/** The widget's latest value, or `undefined` before the learner touched it. */
export function getInput(name: string): unknown {
  return inputs.get(name);
}

export function clearInputs(): void {
  inputs.clear();
}
