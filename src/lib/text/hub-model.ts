/**
 * Loading a model the learner asked for from the Hugging Face hub — or from the browser's
 * stored copy when offline — with a progress bar in the cell, and failures turned into
 * messages a learner can act on. `text.useEmbeddingModel` and `text.useGenerator` share it.
 */
import type { ProgressInfo } from '@huggingface/transformers';
import { downloadProgress } from './download-progress';
import { withHubModels } from './transformers-runtime';

export interface HubModelLoad {
  /** The hub id, e.g. 'Xenova/all-MiniLM-L6-v2'. */
  name: string;
  /** What it is, for messages: 'the embedding model', 'the generator'. */
  what: string;
  /** The last sentence of the offline message: what the learner can do instead. */
  offlineAdvice: string;
}

export async function loadHubModel<T>(
  { name, what, offlineAdvice }: HubModelLoad,
  load: (progress: (info: ProgressInfo) => void) => Promise<T>,
): Promise<T> {
  const online = globalThis.navigator?.onLine !== false;
  const bar = downloadProgress(`${online ? 'Downloading' : 'Loading'} ${name}`);
  try {
    return await withHubModels(() => load(bar.callback), { download: online });
  } catch (error) {
    if (!online) {
      throw new Error(
        `Cannot download "${name}": this browser is offline and has not stored the model. ` +
          offlineAdvice,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not load ${what} "${name}" from the hub: ${reason}`);
  } finally {
    bar.finish();
  }
}
