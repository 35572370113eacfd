/**
 * The shipped tiny LM, loaded from public/models/tiny-lm/ through a fake site, against the
 * trainer's own logits (tests/fixtures/tiny-lm-logits.json, written by
 * scripts/models/train-tiny-lm.py from the float16-rounded weights).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setKernelContext } from '../../../src/lib/context';
import { cellId } from '../../../src/protocol/messages';
import { seed } from '../../../src/lib/random';
import { loadTinyLM, type TinyLM } from '../../../src/lib/text/tiny-lm';
import { CachedDecoder } from '../../../src/lib/text/tiny-lm-decoder';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BASE_URL = 'https://playgrad.test/course/';
const LOGIT_TOLERANCE = 1e-3;
// Generation runs one forward pass per character; Node's WASM backend on a busy CI core.
const GENERATION_TIMEOUT_MS = 60_000;

interface Fixture {
  cases: { prefix: string; logits: number[] }[];
  greedy: { prefix: string; maxTokens: number; text: string };
}
const fixture = JSON.parse(
  readFileSync(join(ROOT, 'tests/fixtures/tiny-lm-logits.json'), 'utf8'),
) as Fixture;

/** Serves public/ under BASE_URL, as the built site does. */
function installSite(requests: string[]) {
  setKernelContext({
    emit: () => undefined,
    cellId: () => cellId('test-cell'),
    interrupted: () => false,
    baseUrl: BASE_URL,
  });
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const url = String(input);
    requests.push(url);
    const file = join(ROOT, 'public', url.slice(BASE_URL.length));
    if (!url.startsWith(BASE_URL) || !existsSync(file)) return new Response('', { status: 404 });
    return new Response(readFileSync(file));
  });
}

const requests: string[] = [];
let lm: TinyLM;

beforeAll(async () => {
  installSite(requests);
  // WASM, as in the browser kernel (and much faster than tfjs' JavaScript CPU backend).
  await tf.setBackend('wasm');
  lm = await loadTinyLM();
});

afterAll(() => {
  lm?.dispose();
  vi.unstubAllGlobals();
  setKernelContext(undefined);
});

function maxAbsDifference(a: number[], b: number[]): number {
  expect(a).toHaveLength(b.length);
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}

describe('loadTinyLM', () => {
  it('fetches config, vocabulary and weights from models/tiny-lm/ under the site base', () => {
    expect(requests.sort()).toEqual(
      ['config.json', 'vocab.json', 'weights.bin'].map((f) => `${BASE_URL}models/tiny-lm/${f}`),
    );
    expect(lm.vocab).toHaveLength(lm.config.vocab_size);
    expect(lm.blocks).toHaveLength(lm.config.n_layers);
  });

  it('says which file is missing', async () => {
    await expect(loadTinyLM({ url: `${BASE_URL}models/nothing/` })).rejects.toThrow(
      `Could not load the tiny LM from ${BASE_URL}models/nothing/config.json: HTTP 404`,
    );
  });
});

describe('TinyLM forward pass', () => {
  for (const backend of ['cpu', 'wasm']) {
    it(`matches the trainer's logits on ${backend} (±${LOGIT_TOLERANCE})`, async () => {
      await tf.setBackend(backend);
      const other = await loadTinyLM();
      try {
        for (const { prefix, logits } of fixture.cases) {
          expect(maxAbsDifference(other.logits(prefix), logits), prefix).toBeLessThan(
            LOGIT_TOLERANCE,
          );
        }
      } finally {
        other.dispose();
        await tf.setBackend('wasm');
      }
    });
  }

  it('gives a distribution over the whole vocabulary', () => {
    const { tokens, probs } = lm.nextTokenDistribution('The whal');
    expect(tokens).toEqual([...lm.vocab]);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(tokens[probs.indexOf(Math.max(...probs))]).toBe('e');
  });

  it('attention maps are causal rows that sum to 1, one per head and layer', () => {
    const { tokens, weights } = lm.attentionMaps('Ahab');
    expect(tokens).toEqual(['A', 'h', 'a', 'b']);
    expect(weights).toHaveLength(lm.config.n_layers);
    for (const layer of weights) {
      expect(layer).toHaveLength(lm.config.n_heads);
      for (const head of layer) {
        head.forEach((row, i) => {
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
          row.slice(i + 1).forEach((w) => expect(w).toBe(0));
        });
      }
    }
  });

  it('rejects characters it does not know, naming them', () => {
    expect(() => lm.logits('café')).toThrow('The tiny LM does not know "é"');
  });

  it('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    lm.logits('Call me');
    lm.attentionMaps('Call me');
    lm.generate('Call me', { maxTokens: 3, seed: 1 });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('CachedDecoder', () => {
  it('gives the full forward pass logits, token by token and after the window slides', () => {
    const small = { ...lm.config, context: 6 };
    // A view of the model with a 6-token context, so the window slides within the test.
    const view = Object.assign(Object.create(Object.getPrototypeOf(lm) as object), lm, {
      config: small,
    }) as TinyLM;
    const decoder = new CachedDecoder(view);
    const ids = lm.encode('Call me Ishmael');
    try {
      for (let n = 1; n <= ids.length; n += 1) {
        const window = ids.slice(Math.max(0, n - small.context), n);
        const cached = decoder.next(window);
        const full = lm.logits(lm.decode(window));
        expect(maxAbsDifference(cached, full), `after ${n} tokens`).toBeLessThan(1e-4);
      }
    } finally {
      decoder.dispose();
    }
  });
});

describe('TinyLM.generate', () => {
  it(
    'temperature 0 is the trainer’s greedy continuation',
    () => {
      const { prefix, maxTokens, text } = fixture.greedy;
      expect(prefix + lm.generate(prefix, { maxTokens, temperature: 0 })).toBe(text);
    },
    GENERATION_TIMEOUT_MS,
  );

  it(
    'the same seed gives the same text; another seed another',
    () => {
      const options = { maxTokens: 30, temperature: 1, topK: 20, topP: 0.95 };
      const a = lm.generate('The sea ', { ...options, seed: 7 });
      expect(a).toHaveLength(30);
      expect(lm.generate('The sea ', { ...options, seed: 7 })).toBe(a);
      expect(lm.generate('The sea ', { ...options, seed: 8 })).not.toBe(a);
    },
    GENERATION_TIMEOUT_MS,
  );

  it(
    'without a seed follows playgrad’s seed()',
    () => {
      seed(3);
      const a = lm.generate('Ahab ', { maxTokens: 20 });
      seed(3);
      expect(lm.generate('Ahab ', { maxTokens: 20 })).toBe(a);
    },
    GENERATION_TIMEOUT_MS,
  );

  it(
    'topK 1 is greedy too',
    () => {
      const greedy = lm.generate('whale', { maxTokens: 15, temperature: 0 });
      expect(lm.generate('whale', { maxTokens: 15, topK: 1, seed: 5 })).toBe(greedy);
    },
    GENERATION_TIMEOUT_MS,
  );
});
