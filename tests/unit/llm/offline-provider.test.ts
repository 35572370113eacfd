/**
 * The offline chat provider on the shipped tool-lm (public/models/tool-lm/), loaded from
 * disk as the Node test server loads it, against the trainer's own figures
 * (tests/fixtures/tool-lm-reference.json, written by scripts/models/train-tool-lm.py from
 * the float16-rounded weights): the logits for a fixed prompt, and held-out transcripts
 * whose numbers, topics, countries and cities the model never saw in training.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssetFiles } from '../../../scripts/vite/lesson-assets';
import { diskModelLoader, offlineModelDir } from '../../../src/cli/offline-model';
import { createOfflineProvider, type OfflineProvider } from '../../../src/lib/llm/offline-provider';
import { renderPrompt } from '../../../src/lib/llm/offline-template';
import { OfflineTokenizer } from '../../../src/lib/llm/offline-tokenizer';
import type { ChatMessage, ChatRequest, ChatResult, ToolSpec } from '../../../src/lib/llm/types';
import { TinyLM } from '../../../src/lib/text/tiny-lm';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOGIT_TOLERANCE = 2e-3;
// Bars at the measured figures (public/models/tool-lm/README.md), rounded down: greedy
// decoding repeats exactly, so a drop means the template, tokenizer or decoder changed.
// The model is weak (38 minutes of training on a shared core): these are not goals.
const BARS = { toolChoice: 0.5, exactArguments: 0.1, finalAnswer: 0.35, sameAsTrainer: 0.95 };
// Decoding 60 transcripts twice, one forward pass per token, on a busy CI core.
const HELD_OUT_TIMEOUT_MS = 600_000;
// The trainer's greedy replies stop after 80 tokens (train-tool-lm.py, greedy()).
const TRAINER_MAX_TOKENS = 80;

interface HeldOutCase {
  kind: string;
  tools: ToolSpec[];
  messages: ChatMessage[];
  call: { name: string; arguments: Record<string, string> } | null;
  result: string | null;
  answer: string;
  trainerReply: { first: string; answer: string };
}
interface Fixture {
  prompt: { request: ChatRequest; text: string; ids: number[]; logits: number[] };
  heldOut: HeldOutCase[];
}
const fixture = JSON.parse(
  readFileSync(join(ROOT, 'tests/fixtures/tool-lm-reference.json'), 'utf8'),
) as Fixture;

let provider: OfflineProvider;

beforeAll(async () => {
  // WASM, as in the browser kernel (much faster than tfjs' JavaScript CPU backend).
  await tf.setBackend('wasm');
  provider = createOfflineProvider(diskModelLoader());
});

afterAll(() => provider?.dispose());

function hooks(
  onText: (piece: string) => void = () => undefined,
  signal = new AbortController().signal,
) {
  return { onText, signal };
}

/** The model's first turn, then (when it called a tool) its answer after the right result. */
async function replies(c: HeldOutCase): Promise<{ first: ChatResult; answer?: ChatResult }> {
  const request = { messages: c.messages, tools: c.tools, maxTokens: TRAINER_MAX_TOKENS };
  const first = await provider.chat(request, hooks());
  if (!c.call) return { first };
  const call = { id: 'call_1', ...c.call };
  const messages: ChatMessage[] = [
    ...c.messages,
    { role: 'assistant', content: '', toolCalls: [call] },
    { role: 'tool', content: c.result ?? '', toolCallId: call.id },
  ];
  const answer = await provider.chat({ ...request, messages }, hooks());
  return { first, answer };
}

describe('the offline model', () => {
  it('reads the prompt as the trainer does and matches its logits (±2e-3)', async () => {
    const { request, text, ids, logits } = fixture.prompt;
    expect(renderPrompt(request.messages, request.tools)).toBe(text);
    const files = await diskModelLoader()();
    expect(new OfflineTokenizer(files.vocab).encode(text)).toEqual(ids);
    const lm = new TinyLM(files);
    try {
      const all = lm.forward(ids);
      const last = Array.from(all.slice([ids.length - 1, 0], [1, -1]).dataSync());
      all.dispose();
      const worst = Math.max(...last.map((v, i) => Math.abs(v - logits[i])));
      expect(worst).toBeLessThan(LOGIT_TOLERANCE);
    } finally {
      lm.dispose();
    }
  });

  it(
    'calls the right tool with the right arguments on held-out transcripts',
    async () => {
      let toolChoice = 0;
      let exactArguments = 0;
      let finalAnswer = 0;
      let sameAsTrainer = 0;
      const calls = fixture.heldOut.filter((c) => c.call).length;
      for (const c of fixture.heldOut) {
        const { first, answer } = await replies(c);
        const made = first.toolCalls[0];
        if (c.call) {
          toolChoice += Number(first.toolCalls.length === 1 && made.name === c.call.name);
          exactArguments += Number(
            made !== undefined &&
              JSON.stringify(made.arguments) === JSON.stringify(c.call.arguments),
          );
          finalAnswer += Number(answer!.message.content.includes(c.result!));
          sameAsTrainer += Number(answer!.message.content === c.trainerReply.answer);
        } else {
          toolChoice += Number(first.toolCalls.length === 0);
          finalAnswer += Number(first.message.content.trim() === c.answer);
        }
        // The trainer's greedy reply, as text: the same model must write the same thing.
        const text = first.message.content + first.toolCalls.map(callText).join('');
        sameAsTrainer += Number(text === c.trainerReply.first);
      }
      const n = fixture.heldOut.length;
      const measured = {
        toolChoice: toolChoice / n,
        exactArguments: exactArguments / calls,
        finalAnswer: finalAnswer / n,
        sameAsTrainer: sameAsTrainer / (n + calls),
      };
      console.info('held-out, greedy:', measured, `${n} transcripts, ${calls} with a call`);
      expect(measured.toolChoice).toBeGreaterThanOrEqual(BARS.toolChoice);
      expect(measured.exactArguments).toBeGreaterThanOrEqual(BARS.exactArguments);
      expect(measured.finalAnswer).toBeGreaterThanOrEqual(BARS.finalAnswer);
      expect(measured.sameAsTrainer).toBeGreaterThanOrEqual(BARS.sameAsTrainer);
    },
    HELD_OUT_TIMEOUT_MS,
  );
});

/** The call in a reply that is exactly one <tool_call>…</tool_call>, if it is well formed. */
function parseCall(text: string): { name: string; arguments: Record<string, unknown> } | undefined {
  const match = /^<tool_call>(.*)<\/tool_call>$/s.exec(text);
  if (!match) return undefined;
  try {
    const call = JSON.parse(match[1]) as { name?: unknown; arguments?: unknown };
    if (typeof call.name !== 'string' || typeof call.arguments !== 'object') return undefined;
    return { name: call.name, arguments: call.arguments as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

function callText(call: { name: string; arguments: Record<string, unknown> }): string {
  const args = Object.entries(call.arguments)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ');
  return `<tool_call>{"name": ${JSON.stringify(call.name)}, "arguments": {${args}}}</tool_call>`;
}

const calculatorTools: ToolSpec[] = [
  {
    name: 'calculator',
    description: 'Evaluate an arithmetic expression.',
    parameters: { type: 'object', properties: { expression: { type: 'string' } } },
  },
  {
    name: 'search',
    description: 'Search the course notes.',
    parameters: { type: 'object', properties: { query: { type: 'string' } } },
  },
];
const greeting: ChatRequest = {
  messages: [{ role: 'user', content: 'Hello!' }],
  tools: calculatorTools,
};

describe('the offline provider', () => {
  it("turns the model's call into a ToolCall with parsed arguments", async () => {
    // A held-out case where the trainer's greedy reply is a well-formed call.
    const c = fixture.heldOut.find((h) => parseCall(h.trainerReply.first) !== undefined)!;
    const result = await provider.chat({ messages: c.messages, tools: c.tools }, hooks());
    expect(result.finishReason).toBe('tool_calls');
    expect(result.toolCalls).toEqual([
      { id: `call_${c.messages.length}_0`, ...parseCall(c.trainerReply.first) },
    ]);
    expect(result.message).toEqual({ role: 'assistant', content: '', toolCalls: result.toolCalls });
    expect(result).toMatchObject({ provider: 'offline', model: 'tool-lm' });
    expect(result.usage.promptTokens).toBeGreaterThan(10);
    expect(result.usage.completionTokens).toBeGreaterThan(3);
  });

  it('streams pieces that add up to the message', async () => {
    const c = fixture.heldOut.find((h) => h.kind === 'greeting' || h.kind === 'decline')!;
    const pieces: string[] = [];
    const request = { messages: c.messages, tools: c.tools };
    const result = await provider.chat(
      request,
      hooks((p) => pieces.push(p)),
    );
    expect(result.finishReason).toBe('stop');
    expect(result.message.content).toBe(c.trainerReply.first);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(result.message.content);
  });

  it('streams no part of a tool call', async () => {
    const c = fixture.heldOut.find((h) => parseCall(h.trainerReply.first) !== undefined)!;
    const pieces: string[] = [];
    const request = { messages: c.messages, tools: c.tools };
    const result = await provider.chat(
      request,
      hooks((p) => pieces.push(p)),
    );
    expect(result.toolCalls).toHaveLength(1);
    expect(pieces.join('')).toBe(result.message.content);
    expect(pieces.join('')).not.toContain('<');
  });

  it('stops within a few tokens of an abort that arrives as an event', async () => {
    const controller = new AbortController();
    let tokensAtAbort = -1;
    let pieces = 0;
    const result = await provider.chat(
      { ...greeting, temperature: 1, seed: 3, maxTokens: 200 },
      hooks(() => {
        pieces += 1;
        if (pieces === 2) setTimeout(() => controller.abort(), 0);
        if (pieces === 2) tokensAtAbort = pieces;
      }, controller.signal),
    );
    expect(tokensAtAbort).toBe(2);
    expect(result.finishReason).toBe('interrupted');
    expect(result.usage.completionTokens).toBeLessThanOrEqual(tokensAtAbort + 5);
  });

  it('returns at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const pieces: string[] = [];
    const result = await provider.chat(
      greeting,
      hooks((p) => pieces.push(p), controller.signal),
    );
    expect(result.finishReason).toBe('interrupted');
    expect(result.usage.completionTokens).toBe(0);
    expect(pieces).toEqual([]);
  });

  it('samples reproducibly with a seed', async () => {
    const request = { ...greeting, temperature: 1.5, topP: 0.95, maxTokens: 30 };
    const texts = async (seed: number) =>
      (await provider.chat({ ...request, seed }, hooks())).message.content;
    expect(await texts(7)).toBe(await texts(7));
    const others = new Set(await Promise.all([1, 2, 3, 4].map(texts)));
    expect(others.size).toBeGreaterThan(1);
  });

  it('ends with finishReason "length" at maxTokens', async () => {
    const result = await provider.chat({ ...greeting, maxTokens: 3 }, hooks());
    expect(result.finishReason).toBe('length');
    expect(result.usage.completionTokens).toBe(3);
  });

  it('says how many tokens a conversation too long for it has', async () => {
    const long = 'word '.repeat(400);
    await expect(
      provider.chat({ messages: [{ role: 'user', content: long }] }, hooks()),
    ).rejects.toThrow(/too long for the offline model: \d+ tokens, and it reads at most 256/);
  });

  it('refuses a model it does not have, and bad settings', async () => {
    await expect(provider.chat({ ...greeting, model: 'gpt-4o' }, hooks())).rejects.toThrow(
      'The offline provider has one model, "tool-lm"; the request names "gpt-4o"',
    );
    await expect(provider.chat({ ...greeting, topP: 0 }, hooks())).rejects.toThrow('topP');
    await expect(provider.chat({ ...greeting, maxTokens: 0 }, hooks())).rejects.toThrow(
      'maxTokens',
    );
  });

  it('is a downloadable lesson model: `models: [tool-lm]` stores its three files offline', () => {
    const files = findAssetFiles(ROOT).models.get('tool-lm');
    expect(files?.map((f) => f.url).sort()).toEqual(
      ['config.json', 'vocab.json', 'weights.bin'].map((f) => `models/tool-lm/${f}`),
    );
    expect(offlineModelDir).toBe(join(ROOT, 'public', 'models', 'tool-lm'));
  });
});
