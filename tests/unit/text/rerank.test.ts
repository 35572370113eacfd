// text.useReranker / text.rerank in Node (onnxruntime-node), with a stand-in hub: `fetch`
// serves a real tiny cross-encoder in BERT sequence-classification layout
// (scripts/fixtures/word-weight-cross-encoder.mjs) at huggingface.co URLs. Its score is
// the sum of the passage's word weights, so the expected order is computed here.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cellId, type KernelMessage } from '../../../src/protocol/messages';
import { InterruptedError, setKernelContext } from '../../../src/lib/context';
import {
  RERANK_BATCH_SIZE,
  rerank,
  rerankerModel,
  useReranker,
} from '../../../src/lib/text/rerank';
import {
  WORD_WEIGHTS,
  wordWeightCrossEncoderFiles,
} from '../../../scripts/fixtures/word-weight-cross-encoder.mjs';
import { BASE_URL } from './model-site';

/** Loading Transformers.js and onnxruntime-node takes a few seconds on a busy machine. */
const LOAD_TIMEOUT_MS = 60_000;
const HUB = 'https://huggingface.co/';
const RERANKER = 'test/word-weight-reranker';

const files = wordWeightCrossEncoderFiles();
const requests: string[] = [];
const sent: KernelMessage[] = [];
let interruptAfter = Infinity;
let interruptChecks = 0;

function serveHub(input: string | URL | Request): Response {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  requests.push(url);
  const match = /^https:\/\/huggingface\.co\/(.+?)\/resolve\/main\/(.+)$/.exec(url);
  const bytes = match?.[1] === RERANKER ? files.get(match[2]) : undefined;
  return bytes
    ? new Response(bytes, { headers: { 'content-length': String(bytes.length) } })
    : new Response('Entry not found', { status: 404, statusText: 'Not Found' });
}

/** What the stand-in scores: the weights of the passage's known words. */
function expectedScore(passage: string): number {
  const words = passage.toLowerCase().match(/\w+/g) ?? [];
  return words.reduce((sum, w) => sum + (WORD_WEIGHTS[w] ?? 0), 0);
}

beforeAll(() => {
  setKernelContext({
    emit: (message) => sent.push(message),
    cellId: () => cellId('rerank-cell'),
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

const PASSAGES = [
  'The sea was grey.',
  'Ahab lost his leg off Japan.',
  { text: 'An ivory leg of whale bone.' },
  'Nothing here.',
];

describe('text.rerank with a stand-in hub', { timeout: LOAD_TIMEOUT_MS }, () => {
  it('asks for a reranker first', async () => {
    await expect(rerank('Where?', PASSAGES)).rejects.toThrow(/call await text\.useReranker/);
    expect(rerankerModel()).toBeUndefined();
  });

  it('downloads the cross-encoder with a progress bar and orders passages by its score', async () => {
    expect(await useReranker(RERANKER)).toBe(RERANKER);
    expect(rerankerModel()).toBe(RERANKER);
    expect(requests).toContain(`${HUB}${RERANKER}/resolve/main/onnx/model.onnx`);
    expect(sent.find((m) => m.type === 'progress')).toMatchObject({
      label: `Downloading ${RERANKER}`,
    });
    // The question's own words ("ahab", "leg") are type 0 and do not count.
    const ranked = await rerank('Where did Ahab lose his leg?', PASSAGES);
    expect(ranked.map((r) => r.id)).toEqual([1, 2, 3, 0]);
    expect(ranked[0].score).toBeCloseTo(0.5 + 2 + 4, 5);
    expect(ranked[1].score).toBeCloseTo(3 + 2 + 0.25 + 1, 5);
    expect(ranked[3].score).toBeCloseTo(-1, 5);
    expect(await rerank('?', PASSAGES, { limit: 2 })).toHaveLength(2);
  });

  it('scores more passages than one batch holds, each with its own padding', async () => {
    const words = Object.keys(WORD_WEIGHTS);
    const many = Array.from(
      { length: RERANK_BATCH_SIZE * 2 + 3 },
      (_, i) =>
        words.slice(0, (i % words.length) + 1).join(' ') + ' and more filler words'.repeat(i % 3),
    );
    const ranked = await rerank('Which?', many);
    expect(ranked).toHaveLength(many.length);
    for (const { id, score } of ranked)
      expect(score).toBeCloseTo(expectedScore(many[id as number]), 4);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
  });

  it('stops between batches when the learner presses Stop', async () => {
    interruptAfter = interruptChecks + 1;
    try {
      const many = Array.from({ length: RERANK_BATCH_SIZE * 3 }, () => 'ivory leg');
      await expect(rerank('Which?', many)).rejects.toBeInstanceOf(InterruptedError);
    } finally {
      interruptAfter = Infinity;
    }
  });

  it('rejects bad input with a clear message', async () => {
    await expect(rerank(3 as never, PASSAGES)).rejects.toThrow(/question must be a string/);
    await expect(rerank('q', [7 as never])).rejects.toThrow(
      'passage 1 must be a string or { text }',
    );
    await expect(useReranker('no-slash')).rejects.toThrow(/hub model name/);
    await expect(rerank('q', PASSAGES, { limit: 0 })).rejects.toThrow(/limit must be/);
  });

  it('offline, says the reranker is not stored, and keeps the one it had', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const fromHub = () => requests.filter((url) => url.startsWith(HUB)).length;
    const before = fromHub();
    try {
      await expect(useReranker('test/another-reranker')).rejects.toThrow(
        /this browser is offline and has not stored the model\. Retrieval works without it/,
      );
      expect(fromHub()).toBe(before);
      expect(rerankerModel()).toBe(RERANKER);
      expect((await rerank('?', PASSAGES))[0].id).toBe(1);
    } finally {
      vi.stubGlobal('navigator', { onLine: true });
    }
  });
});
