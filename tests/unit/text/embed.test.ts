// text.embed with the shipped model, run by Transformers.js in Node (onnxruntime-node)
// from a fake site that serves public/: the same files and loading code as in the browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as ort from 'onnxruntime-node';
import {
  cosine,
  scorePairs,
  tfidfCosines,
  type SentencePair,
} from '../../../scripts/models/similarity-metrics';
import { embed, embeddingModel, useEmbeddingModel } from '../../../src/lib/text/embed';
import { featureExtraction, loadTransformers } from '../../../src/lib/text/transformers-runtime';
import { BASE_URL, installModelSite, PUBLIC_DIR, type ModelSite } from './model-site';

/** Loading Transformers.js and the model takes a few seconds, more on a busy machine. */
const LOAD_TIMEOUT_MS = 60_000;
/**
 * The shipped model scores ROC AUC 0.90 on the hand-labelled pairs (README); the test
 * fails if a rebuild falls below this floor.
 */
const AUC_FLOOR = 0.85;

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'sentence-pairs.json');
const pairs = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { pairs: SentencePair[] }).pairs;

let site: ModelSite;
beforeAll(() => {
  site = installModelSite();
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const norm = (v: number[]) => Math.hypot(...v);

describe('text.embed with playgrad-sif-glove', { timeout: LOAD_TIMEOUT_MS }, () => {
  it(
    'gives one unit-length vector of 100 numbers per text',
    { timeout: LOAD_TIMEOUT_MS },
    async () => {
      expect(embeddingModel()).toBe('playgrad-sif-glove');
      const vectors = await embed(['The cat sat on the mat.', 'Stocks fell sharply.', 'Hi']);
      expect(vectors).toHaveLength(3);
      for (const v of vectors) {
        expect(v).toHaveLength(100);
        expect(norm(v)).toBeCloseTo(1, 5);
      }
      const single = await embed('The cat sat on the mat.');
      expect(single).toEqual(vectors[0]);
    },
  );

  it('loads only from the site, never from a hub or CDN', async () => {
    await embed(['offline check']);
    expect(site.requests.length).toBeGreaterThan(0);
    for (const url of site.requests) expect(url.startsWith(`${BASE_URL}models/`)).toBe(true);
  });

  it('scores related pairs above unrelated ones, and beats TF-IDF', async () => {
    const a = await embed(pairs.map((pair) => pair.a));
    const b = await embed(pairs.map((pair) => pair.b));
    const model = scorePairs(
      a.map((v, i) => cosine(v, b[i])),
      pairs,
    );
    const tfidf = scorePairs(tfidfCosines(pairs), pairs);
    expect(model.auc).toBeGreaterThanOrEqual(AUC_FLOOR);
    expect(model.meanRelated).toBeGreaterThan(model.meanUnrelated + 0.2);
    expect(model.auc).toBeGreaterThan(tfidf.auc);
  });

  it('ignores words it does not know', async () => {
    const pipeline = await featureExtraction();
    const extractor = await pipeline('feature-extraction', 'playgrad-sif-glove', { dtype: 'fp32' });
    const ids = extractor.tokenizer('The zorblaxian cat').input_ids.tolist() as bigint[][];
    expect(ids[0].map(Number)).toEqual([
      2,
      extractor.tokenizer.model.tokens_to_ids.get('the'),
      1,
      extractor.tokenizer.model.tokens_to_ids.get('cat'),
      3,
    ]);
    const [withUnknown, without] = await embed(['The zorblaxian cat', 'The cat']);
    expect(cosine(withUnknown, without)).toBeCloseTo(1, 6);
    await extractor.dispose();
  });

  it('gives zeros and a warning for a text with no known word', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const [nothing, something] = await embed(['zorblax qwxyz', 'a real sentence']);
    expect(nothing.every((x) => x === 0)).toBe(true);
    expect(norm(something)).toBeCloseTo(1, 5);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"zorblax qwxyz" has no word'));
    warn.mockRestore();
  });

  it('matches the ONNX graph’s own masked mean (sentence_embedding output)', async () => {
    const pipeline = await featureExtraction();
    const extractor = await pipeline('feature-extraction', 'playgrad-sif-glove', { dtype: 'fp32' });
    const texts = ['A short one.', 'A somewhat longer sentence about rivers and boats.'];
    const encoded = extractor.tokenizer(texts, { padding: true });
    const session = await ort.InferenceSession.create(
      join(PUBLIC_DIR, 'models', 'playgrad-sif-glove', 'onnx', 'model.onnx'),
    );
    const feed = {
      input_ids: new ort.Tensor('int64', encoded.input_ids.data, encoded.input_ids.dims),
      attention_mask: new ort.Tensor(
        'int64',
        encoded.attention_mask.data,
        encoded.attention_mask.dims,
      ),
    };
    const out = await session.run(feed);
    const pooled = out.sentence_embedding.data as Float32Array;
    const vectors = await embed(texts);
    vectors.forEach((v, i) => {
      const row = Array.from(pooled.subarray(i * 100, (i + 1) * 100));
      const unit = row.map((x) => x / norm(row));
      unit.forEach((x, d) => expect(v[d]).toBeCloseTo(x, 5));
    });
    await session.release();
    await extractor.dispose();
  });

  it('explains bad input', async () => {
    await expect(embed([1 as unknown as string])).rejects.toThrow(
      'texts[0] is a number, not a string',
    );
    await expect(embed(42 as unknown as string[])).rejects.toThrow(
      'a string or an array of strings',
    );
  });
});

describe('text.useEmbeddingModel', { timeout: LOAD_TIMEOUT_MS }, () => {
  it('refuses a hub model while offline, with the reason', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    site.requests.length = 0;
    await expect(useEmbeddingModel('Xenova/all-MiniLM-L6-v2')).rejects.toThrow(
      'Cannot download "Xenova/all-MiniLM-L6-v2": this browser is offline and has not stored the model',
    );
    // It looked in the site (and would look in the browser's cache), never the hub.
    for (const url of site.requests) expect(url.startsWith(BASE_URL)).toBe(true);
    vi.stubGlobal('navigator', undefined);
  });

  it(
    'asks the hub only for the model named, then forbids remote loads again',
    { timeout: LOAD_TIMEOUT_MS },
    async () => {
      site.requests.length = 0;
      // The fake site answers 404 for the hub, as if the model did not exist.
      await expect(useEmbeddingModel('someone/no-such-model')).rejects.toThrow(
        'Could not load the embedding model "someone/no-such-model" from the hub',
      );
      const offSite = site.requests.filter((url) => !url.startsWith(BASE_URL));
      expect(offSite.length).toBeGreaterThan(0);
      for (const url of offSite) expect(url).toContain('someone/no-such-model');
      expect(
        site.sent.some((m) => m.type === 'progress' && m.label.includes('no-such-model')),
      ).toBe(true);
      const { env } = await loadTransformers();
      expect(env.allowRemoteModels).toBe(false);
      // The failed switch left the shipped model in use.
      expect(embeddingModel()).toBe('playgrad-sif-glove');
      // Back to the shipped model.
      await useEmbeddingModel();
      expect(embeddingModel()).toBe('playgrad-sif-glove');
      expect(norm(await embed('back offline'))).toBeCloseTo(1, 5);
    },
  );
});
