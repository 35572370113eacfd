/**
 * `text.embed`: sentence embeddings, one unit-length vector per text, from the current
 * embedding model — by default the course's own `playgrad-sif-glove` (shipped with the
 * site, works offline). `text.useEmbeddingModel('Xenova/all-MiniLM-L6-v2')` switches to a
 * model from the Hugging Face hub, downloaded once (with a progress bar) when online.
 *
 * Both go through Transformers.js' feature-extraction pipeline with mean pooling and
 * normalisation, so a cell calling the pipeline itself gets the same vectors.
 *
 * @example
 * const [a, b] = await text.embed(['A cat sat on the mat.', 'A kitten rested on the rug.']);
 */
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { throwIfInterrupted } from '../context';
import { loadHubModel } from './hub-model';
import { featureExtraction } from './transformers-runtime';

/** The model that ships with the site (public/models/playgrad-sif-glove). */
export const SHIPPED_EMBEDDING_MODEL = 'playgrad-sif-glove';
/** Models in the site's models/ folder; any other name is a hub model. */
export const SHIPPED_MODELS: readonly string[] = [SHIPPED_EMBEDDING_MODEL];
/** Texts embedded per model run: bounds memory, and Stop is checked between batches. */
export const EMBED_BATCH_SIZE = 32;

let currentName = SHIPPED_EMBEDDING_MODEL;
let loaded: { name: string; extractor: Promise<FeatureExtractionPipeline> } | undefined;

/** The name of the model `embed` uses now. */
export function embeddingModel(): string {
  return currentName;
}

/**
 * Chooses the model `embed` uses. A name other than the shipped model's is loaded from the
 * Hugging Face hub: this needs a network connection the first time; the browser then keeps
 * the files (see the Offline page to delete them).
 */
export async function useEmbeddingModel(name: string = SHIPPED_EMBEDDING_MODEL): Promise<string> {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError(`useEmbeddingModel(name): name must be a model name, got ${String(name)}`);
  }
  if (loaded && loaded.name !== name) await release();
  // Switch only once the model loaded: after a failure, embed keeps working as before.
  await extractorFor(name);
  currentName = name;
  return name;
}

function extractorFor(name: string): Promise<FeatureExtractionPipeline> {
  if (loaded?.name === name) return loaded.extractor;
  const extractor = SHIPPED_MODELS.includes(name) ? loadShipped(name) : loadFromHub(name);
  loaded = { name, extractor };
  // A failed load must not stick: the next call tries again.
  extractor.catch(() => {
    if (loaded?.extractor === extractor) loaded = undefined;
  });
  return extractor;
}

async function loadShipped(name: string): Promise<FeatureExtractionPipeline> {
  const pipeline = await featureExtraction();
  return pipeline('feature-extraction', name, { dtype: 'fp32' });
}

async function loadFromHub(name: string): Promise<FeatureExtractionPipeline> {
  const pipeline = await featureExtraction();
  return loadHubModel(
    {
      name,
      what: 'the embedding model',
      offlineAdvice: `text.useEmbeddingModel() switches back to the shipped model "${SHIPPED_EMBEDDING_MODEL}".`,
    },
    (progress) => pipeline('feature-extraction', name, { progress_callback: progress }),
  );
}

async function release(): Promise<void> {
  const previous = loaded;
  loaded = undefined;
  if (previous) await (await previous.extractor.catch(() => undefined))?.dispose();
}

/**
 * One unit-length vector per text (a single text gives a single vector). A text with no
 * word the model knows has no direction: it gets a vector of zeros, and a warning.
 */
export async function embed(texts: string): Promise<number[]>;
export async function embed(texts: string[]): Promise<number[][]>;
export async function embed(texts: string | string[]): Promise<number[] | number[][]> {
  if (typeof texts === 'string') return (await embed([texts]))[0];
  if (!Array.isArray(texts)) {
    throw new TypeError(`embed(texts): texts must be a string or an array of strings`);
  }
  texts.forEach((value, i) => {
    if (typeof value !== 'string') {
      throw new TypeError(`embed(texts): texts[${i}] is a ${typeof value}, not a string`);
    }
  });
  const extractor = await extractorFor(currentName);
  const vectors: number[][] = [];
  let dimensions = 0;
  for (let start = 0; start < texts.length; start += EMBED_BATCH_SIZE) {
    throwIfInterrupted();
    const batch = texts.slice(start, start + EMBED_BATCH_SIZE);
    const output = await extractor(batch, { pooling: 'mean', normalize: true });
    vectors.push(...(output.tolist() as number[][]));
    dimensions = output.dims[1];
    output.dispose();
  }
  // Normalising a zero vector gives NaN: such a text has no direction.
  return vectors.map((vector, i) =>
    vector.every(Number.isFinite) ? vector : noDirection(texts[i], dimensions),
  );
}

function noDirection(text: string, dimensions: number): number[] {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  console.warn(
    `embed: "${shown}" has no word the model "${currentName}" knows; its vector is all zeros.`,
  );
  return new Array<number>(dimensions).fill(0);
}
