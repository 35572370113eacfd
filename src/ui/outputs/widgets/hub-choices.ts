/**
 * Which options of a select that needs hub models can be chosen now. A hub model loads
 * when the browser is online (it is downloaded) or has stored it before (Transformers.js'
 * Cache Storage); otherwise its option is disabled and the reason is shown next to it.
 */
import { loadableHubModels } from '../../offline/model-inventory';

export interface ChoiceState {
  disabled: boolean;
  /** Why the option cannot be chosen now. */
  reason?: string;
}

export function offlineReason(model: string): string {
  return (
    `Offline: ${model} is not downloaded in this browser — ` +
    'connect to the internet to download it.'
  );
}

/**
 * @param hubModels the hub model each option needs (null: none)
 * @param stored the hub models this browser keeps with their weights
 */
export function choiceStates(
  hubModels: readonly (string | null)[],
  online: boolean,
  stored: ReadonlySet<string>,
): ChoiceState[] {
  return hubModels.map((model) =>
    model === null || online || stored.has(model)
      ? { disabled: false }
      : { disabled: true, reason: offlineReason(model) },
  );
}

/** The hub models this browser could load offline (none without Cache Storage). */
export async function storedHubModels(): Promise<Set<string>> {
  if (typeof caches === 'undefined') return new Set();
  return new Set(await loadableHubModels(caches));
}
