// text.useGenerator / text.generate / text.rag.generatedAnswer in Node (onnxruntime-node),
// with a stand-in hub: `fetch` serves a real tiny causal LM (a bigram model in GPT-2
// layout, scripts/fixtures/bigram-gpt2.mjs) at huggingface.co URLs. Greedy decoding of a
// bigram model follows the most frequent next word, which the test counts itself.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cellId, type KernelMessage } from '../../../src/protocol/messages';
import { InterruptedError, setKernelContext } from '../../../src/lib/context';
import { generate, generatorModel, useGenerator } from '../../../src/lib/text/generate';
import { generatedAnswer } from '../../../src/lib/text/rag';
import { bigramGpt2Files, SENTENCES, words } from '../../../scripts/fixtures/bigram-gpt2.mjs';
import { greedyFrom } from '../../fixtures/bigram-greedy';
import { BASE_URL } from './model-site';

/** Loading Transformers.js and onnxruntime-node takes a few seconds on a busy machine. */
const LOAD_TIMEOUT_MS = 60_000;
const HUB = 'https://huggingface.co/';
const CHAT_MODEL = 'test/bigram-chat';
const PLAIN_MODEL = 'test/bigram-plain';

const repos = new Map([
  [CHAT_MODEL, bigramGpt2Files()],
  [PLAIN_MODEL, bigramGpt2Files({ chatTemplate: false })],
]);
const requests: string[] = [];
const sent: KernelMessage[] = [];
let interruptAfter = Infinity;
let interruptChecks = 0;

function serveHub(input: string | URL | Request): Response {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  requests.push(url);
  const match = /^https:\/\/huggingface\.co\/(.+?)\/resolve\/main\/(.+)$/.exec(url);
  const bytes = match ? repos.get(match[1])?.get(match[2]) : undefined;
  return bytes
    ? new Response(bytes, { headers: { 'content-length': String(bytes.length) } })
    : new Response('Entry not found', { status: 404, statusText: 'Not Found' });
}

beforeAll(() => {
  setKernelContext({
    emit: (message) => sent.push(message),
    cellId: () => cellId('generate-cell'),
    interrupted: () => {
      interruptChecks += 1;
      return interruptChecks > interruptAfter;
    },
    baseUrl: BASE_URL,
  });
  vi.stubGlobal('fetch', async (input: string | URL | Request) => serveHub(input));
});
afterAll(() => {
  vi.unstubAllGlobals();
});
beforeEach(() => {
  interruptAfter = Infinity;
  interruptChecks = 0;
});

describe('text.generate with a stand-in hub', { timeout: LOAD_TIMEOUT_MS }, () => {
  it('asks for a model first', async () => {
    await expect(generate('Hello')).rejects.toThrow(/call await text\.useGenerator/);
  });

  it('downloads a chat model with a progress bar and answers through its chat template', async () => {
    expect(await useGenerator(CHAT_MODEL, { dtype: 'fp32' })).toBe(CHAT_MODEL);
    expect(generatorModel()).toBe(CHAT_MODEL);
    expect(requests.some((url) => url === `${HUB}${CHAT_MODEL}/resolve/main/onnx/model.onnx`)).toBe(
      true,
    );
    const bars = sent.filter((m) => m.type === 'progress');
    expect(bars[0]).toMatchObject({ label: `Downloading ${CHAT_MODEL}` });
    const last = bars.at(-1);
    expect(last?.type === 'progress' && last.max > 0 && last.value === last.max).toBe(true);

    // The chat template ends the prompt with <assistant>: the answer continues from there,
    // whatever the question, and holds only the new text.
    const expected = greedyFrom('<assistant>');
    expect(expected).toMatch(/\[1\]$/);
    expect(await generate('What was the leg made of?')).toBe(expected);
    expect(await generate('Something else entirely')).toBe(expected);
  });

  it('stops after maxNewTokens', async () => {
    const expected = greedyFrom('<assistant>').split(' ').slice(0, 3).join(' ');
    expect(await generate('Anything', { maxNewTokens: 3 })).toBe(expected);
  });

  it('samples at a temperature, the same text for the same seed', async () => {
    const sampled = async (seed: number) =>
      generate('Anything', { temperature: 1, seed, maxNewTokens: 12 });
    const first = await sampled(1);
    expect(await sampled(1)).toBe(first);
    const texts = new Set<string>();
    for (let seed = 1; seed <= 12; seed += 1) texts.add(await sampled(seed));
    // "the" is followed by four different words in the training text.
    expect(texts.size).toBeGreaterThan(1);
    const vocabulary = new Set(SENTENCES.flatMap(words));
    for (const text of texts)
      for (const word of text.split(' ')) expect(vocabulary).toContain(word);
  });

  it('gives a plain-text model the prompt as it is', async () => {
    await useGenerator(PLAIN_MODEL, { dtype: 'fp32' });
    // The RAG prompt ends with "Answer:", which the bigram continues.
    const answer = await generatedAnswer('What was the leg made of?', ['The leg was ivory.']);
    expect(answer.text).toBe(greedyFrom('answer:'));
    expect(answer.cited).toEqual([1]);
  });

  it('rejects bad options before running the model', async () => {
    await expect(generate('Hi', { maxNewTokens: 0 })).rejects.toThrow(/maxNewTokens/);
    await expect(generate('Hi', { temperature: -1 })).rejects.toThrow(/temperature/);
    await expect(generate('   ')).rejects.toThrow(/empty/);
  });

  it('stops between tokens when the learner presses Stop', async () => {
    interruptAfter = 2;
    await expect(generate('Anything', { maxNewTokens: 20 })).rejects.toBeInstanceOf(
      InterruptedError,
    );
    expect(interruptChecks).toBe(3);
  });

  it('says what went wrong for a model the hub does not have, and keeps nothing half-set', async () => {
    await expect(useGenerator('test/no-such-model')).rejects.toThrow(
      /Could not load the generator "test\/no-such-model" from the hub/,
    );
    // generate keeps the model it had (loaded again: the failed switch released it).
    expect(generatorModel()).toBe(PLAIN_MODEL);
    const downloads = requests.length;
    expect(await generate('Answer:')).toBe(greedyFrom('answer:'));
    expect(requests.length).toBeGreaterThan(downloads);
    // The next choice loads normally.
    await useGenerator(CHAT_MODEL, { dtype: 'fp32' });
    expect(await generate('Again')).toBe(greedyFrom('<assistant>'));
  });

  it('offline, says the model is not stored and asks the hub for nothing', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const fromHub = () => requests.filter((url) => url.startsWith(HUB)).length;
    const before = fromHub();
    try {
      await expect(useGenerator(PLAIN_MODEL, { dtype: 'fp32' })).rejects.toThrow(
        /this browser is offline and has not stored the model/,
      );
      expect(fromHub()).toBe(before);
    } finally {
      vi.stubGlobal('navigator', { onLine: true });
    }
  });
});
