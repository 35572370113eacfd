import { describe, expect, test } from 'vitest';
import {
  deleteHubModel,
  hubModelOf,
  hubModels,
  loadableHubModels,
  shippedModels,
  type DeletableCacheStorage,
} from '../../../src/ui/offline/model-inventory';
import { LESSON_ASSETS_CACHE } from '../../../src/ui/offline/lesson-assets-cache';

/** An in-memory Cache Storage: cache name → URL → body. */
function memoryCaches(contents: Record<string, Record<string, string>>): DeletableCacheStorage {
  return {
    keys: async () => Object.keys(contents),
    open: async (name) => {
      const entries = (contents[name] ??= {});
      return {
        keys: async () => Object.keys(entries).map((url) => new Request(url)),
        match: async (request) =>
          request.url in entries ? new Response(entries[request.url]) : undefined,
        delete: async (request) => delete entries[request.url],
      };
    },
  };
}

const SITE = 'https://learn.test/course/';
const HUB = 'https://huggingface.co/';

describe('model inventory', () => {
  test('lists shipped models from the precache, by folder, ignoring other files', async () => {
    const storage = memoryCaches({
      'playgrad-precache-v2-https://learn.test/course/': {
        [`${SITE}models/playgrad-sif-glove/config.json?__WB_REVISION__=1`]: 'abcd',
        [`${SITE}models/playgrad-sif-glove/onnx/model.onnx?__WB_REVISION__=2`]: '123456',
        [`${SITE}models/glove-subset/vocab.txt?__WB_REVISION__=3`]: 'the',
        [`${SITE}datasets/iris.csv?__WB_REVISION__=4`]: 'x,y',
      },
      'transformers-cache': { [`${SITE}models/other/config.json`]: 'not precached' },
    });
    expect(await shippedModels(storage, `${SITE}models/`)).toEqual([
      { name: 'glove-subset', files: 1, bytes: 3 },
      { name: 'playgrad-sif-glove', files: 2, bytes: 10 },
    ]);
  });

  test('finds shipped models in the lesson-assets cache, a file in two caches once', async () => {
    const storage = memoryCaches({
      [LESSON_ASSETS_CACHE]: {
        [`${SITE}models/tiny-lm/weights.bin`]: '12345678',
        [`${SITE}models/tiny-lm/config.json`]: '{}',
        [`${SITE}datasets/mnist.u8.gz`]: 'images',
      },
      'playgrad-precache-v2-https://learn.test/course/': {
        [`${SITE}models/tiny-lm/config.json?__WB_REVISION__=1`]: '{}',
      },
    });
    expect(await shippedModels(storage, `${SITE}models/`)).toEqual([
      { name: 'tiny-lm', files: 2, bytes: 10 },
    ]);
  });

  test('groups hub files by model and deletes one model only', async () => {
    const storage = memoryCaches({
      'transformers-cache': {
        [`${HUB}Xenova/all-MiniLM-L6-v2/resolve/main/config.json`]: '12',
        [`${HUB}Xenova/all-MiniLM-L6-v2/resolve/main/onnx/model_quantized.onnx`]: '12345',
        [`${HUB}Xenova/bge-small-en-v1.5/resolve/main/config.json`]: '1',
      },
    });
    expect(await hubModels(storage)).toEqual([
      { name: 'Xenova/all-MiniLM-L6-v2', files: 2, bytes: 7 },
      { name: 'Xenova/bge-small-en-v1.5', files: 1, bytes: 1 },
    ]);
    expect(await deleteHubModel(storage, 'Xenova/all-MiniLM-L6-v2')).toBe(2);
    expect((await hubModels(storage)).map((m) => m.name)).toEqual(['Xenova/bge-small-en-v1.5']);
  });

  test('counts a hub model as loadable offline only with a weights file', async () => {
    const storage = memoryCaches({
      'transformers-cache': {
        [`${HUB}Xenova/all-MiniLM-L6-v2/resolve/main/config.json`]: '12',
        [`${HUB}Xenova/all-MiniLM-L6-v2/resolve/main/onnx/model_quantized.onnx`]: '12345',
        // A download that broke off after the small files.
        [`${HUB}HuggingFaceTB/SmolLM2-135M-Instruct/resolve/main/config.json`]: '1',
      },
    });
    expect(await loadableHubModels(storage)).toEqual(['Xenova/all-MiniLM-L6-v2']);
    expect(await loadableHubModels(memoryCaches({}))).toEqual([]);
  });

  test('no transformers cache: no hub models, nothing to delete', async () => {
    const storage = memoryCaches({});
    expect(await hubModels(storage)).toEqual([]);
    expect(await deleteHubModel(storage, 'a/b')).toBe(0);
    expect(await storage.keys()).toEqual([]);
  });

  test('reads the model name from a hub URL', () => {
    expect(hubModelOf(`${HUB}Xenova/all-MiniLM-L6-v2/resolve/main/tokenizer.json`)).toBe(
      'Xenova/all-MiniLM-L6-v2',
    );
    expect(hubModelOf(`${SITE}models/playgrad-sif-glove/config.json`)).toBeUndefined();
  });
});
