/**
 * `text.rerank`: reorders retrieved passages with a **cross-encoder**, a model that reads
 * the question and one passage together (as one input, "[CLS] question [SEP] passage
 * [SEP]") and scores how well the passage answers it. It is far slower than an embedding
 * or BM25 search — one model run per passage — so it reranks the top 10–20 of a fast
 * search, not the whole collection.
 *
 * The course ships no cross-encoder: `text.useReranker()` downloads one from the Hugging
 * Face hub when the learner asks (Xenova/ms-marco-MiniLM-L-6-v2, MiniLM trained on MS
 * MARCO search queries; the 8-bit weights Transformers.js picks for WASM are ≈ 23 MB), once,
 * with a progress bar; the browser keeps it, so it then loads offline too.
 *
 * @example
 * import { text } from 'playgrad'
 * await text.useReranker()
 * await text.rerank('Where did Ahab lose his leg?', passages)   // [{ id: 3, score: 7.1 }, …]
 */
import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import { throwIfInterrupted } from '../context';
import { loadHubModel } from './hub-model';
import type { Passage } from './rag';
import { loadTransformers } from './transformers-runtime';
import type { SearchResult } from './vector-index';

/** The cross-encoder the course suggests (MiniLM-L6 trained on MS MARCO, Transformers.js ONNX). */
export const SUGGESTED_RERANKER = 'Xenova/ms-marco-MiniLM-L-6-v2';
/** Pairs scored per model run: bounds memory, and Stop is checked between batches. */
export const RERANK_BATCH_SIZE = 8;

interface CrossEncoder {
  tokenizer: PreTrainedTokenizer;
  model: PreTrainedModel;
}

let loaded: { name: string; encoder: Promise<CrossEncoder> } | undefined;
let current: string | undefined;

/** The name of the reranker `rerank` uses, or undefined before `useReranker`. */
export function rerankerModel(): string | undefined {
  return current;
}

/**
 * Loads a cross-encoder from the hub (or from the browser's stored copy when offline) and
 * makes it the one `rerank` uses. After a failure, `rerank` keeps the reranker it had.
 */
export async function useReranker(name: string = SUGGESTED_RERANKER): Promise<string> {
  if (typeof name !== 'string' || !name.includes('/')) {
    throw new TypeError(
      `useReranker(name): give a hub model name such as '${SUGGESTED_RERANKER}', got ${String(name)}`,
    );
  }
  await encoderFor(name);
  current = name;
  return name;
}

function encoderFor(name: string): Promise<CrossEncoder> {
  if (loaded?.name === name) return loaded.encoder;
  const encoder = loadFromHub(name);
  const previous = loaded;
  loaded = { name, encoder };
  encoder.then(
    // One reranker in memory at a time.
    () => previous?.encoder.then((old) => old.model.dispose()).catch(() => undefined),
    // A failed load must not stick: the next call tries again, the old one stays.
    () => {
      if (loaded?.encoder === encoder) loaded = previous;
    },
  );
  return encoder;
}

async function loadFromHub(name: string): Promise<CrossEncoder> {
  const { AutoTokenizer, AutoModelForSequenceClassification } = await loadTransformers();
  return loadHubModel(
    {
      name,
      what: 'the reranker',
      offlineAdvice: 'Retrieval works without it: skip the reranking step while offline.',
    },
    async (progress) => {
      const options = { progress_callback: progress };
      const [tokenizer, model] = await Promise.all([
        AutoTokenizer.from_pretrained(name, options),
        AutoModelForSequenceClassification.from_pretrained(name, options),
      ]);
      return { tokenizer, model };
    },
  );
}

/**
 * The passages reordered by the cross-encoder's score for `question`, best first (ties
 * keep the given order); `id` is the passage's position in `passages`. The score is the
 * model's raw relevance logit: comparable between passages for one question, not a
 * probability.
 */
export async function rerank(
  question: string,
  passages: readonly Passage[],
  { limit = Infinity }: { limit?: number } = {},
): Promise<SearchResult[]> {
  if (typeof question !== 'string') throw new TypeError('rerank: the question must be a string');
  if (!Array.isArray(passages)) throw new TypeError('rerank: passages must be an array');
  if (limit !== Infinity && !(Number.isInteger(limit) && limit >= 1))
    throw new RangeError(`rerank: limit must be a whole number ≥ 1, got ${String(limit)}`);
  const texts = passages.map((p, i) => {
    const t = typeof p === 'string' ? p : p?.text;
    if (typeof t !== 'string')
      throw new TypeError(`rerank: passage ${i + 1} must be a string or { text }`);
    return t;
  });
  if (current === undefined) {
    throw new Error(
      `rerank: no reranker chosen yet — call await text.useReranker('${SUGGESTED_RERANKER}') first`,
    );
  }
  const { tokenizer, model } = await encoderFor(current);
  const scores: number[] = [];
  for (let from = 0; from < texts.length; from += RERANK_BATCH_SIZE) {
    throwIfInterrupted();
    const batch = texts.slice(from, from + RERANK_BATCH_SIZE);
    const inputs = tokenizer(
      batch.map(() => question),
      { text_pair: batch, padding: true, truncation: true },
    );
    const { logits } = (await model(inputs)) as { logits: Tensor };
    scores.push(...relevance(logits));
    logits.dispose();
  }
  return scores
    .map((score, id) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
}

/**
 * One score per row of a [batch, labels] logits tensor: the only logit of a one-label
 * model (MS MARCO cross-encoders), or the last label's ("relevant") of a two-label one.
 */
function relevance(logits: Tensor): number[] {
  const [rows, labels] = logits.dims;
  const data = logits.data as Float32Array;
  return Array.from({ length: rows }, (_, r) => data[r * labels + labels - 1]);
}
