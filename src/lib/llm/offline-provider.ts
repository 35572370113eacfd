/**
 * The 'offline' chat provider: Playgrad's own tool-calling model (public/models/tool-lm/,
 * trained by scripts/models/train-tool-lm.py) run in tfjs, so the agent and MCP lessons
 * work with the network off and in CI. It is narrow: a calculator, a search over the
 * course notes, a capital-city lookup, a weather tool and a code runner, or a refusal.
 *
 * The weights come through an injected loader (fetch in the kernel, the file system in
 * Node), and nothing here touches the DOM, so the same provider serves the kernel and the
 * test suite's OpenAI-compatible server.
 */
import seedrandom from 'seedrandom';
import { applyTemperature, argmax, sample, softmax, topP } from '../text/sampling';
import { TinyLM } from '../text/tiny-lm';
import { CachedDecoder } from '../text/tiny-lm-decoder';
import { fetchTinyLMFiles, type TinyLMFiles } from '../text/tiny-lm-files';
import { ReplyStream } from './offline-reply';
import { MARKERS, renderPrompt } from './offline-template';
import { OfflineTokenizer } from './offline-tokenizer';
import type { ChatHooks, ChatProvider, ChatRequest, ChatResult, FinishReason } from './types';

export const OFFLINE_MODEL = 'tool-lm';

/** Gives the model's files: config.json, vocab.json and weights.bin, parsed. */
export type OfflineModelLoader = () => Promise<TinyLMFiles>;

/** The loader for the site's copy, `<baseUrl>models/tool-lm/`. */
export function siteModelLoader(baseUrl: string): OfflineModelLoader {
  return () => fetchTinyLMFiles(new URL(`models/${OFFLINE_MODEL}/`, baseUrl).href);
}

// Generation yields to the event loop every few tokens, so a Stop that arrives as an event
// (an AbortSignal fired by a message) is seen within a few tokens.
const TOKENS_PER_YIELD = 4;

interface LoadedModel {
  lm: TinyLM;
  tokenizer: OfflineTokenizer;
}

export interface OfflineProvider extends ChatProvider {
  /** Frees the model's tensors; the next request loads it again. */
  dispose(): void;
}

export function createOfflineProvider(load: OfflineModelLoader): OfflineProvider {
  let loaded: Promise<LoadedModel> | undefined;
  const model = () => {
    loaded ??= load().then((files) => ({
      lm: new TinyLM(files),
      tokenizer: new OfflineTokenizer(files.vocab),
    }));
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
  return {
    kind: 'offline',
    defaultModel: OFFLINE_MODEL,
    async chat(request, hooks) {
      const started = performance.now();
      checkRequest(request);
      const result = await generate(await model(), request, hooks);
      return { ...result, ms: performance.now() - started };
    },
    dispose() {
      const current = loaded;
      loaded = undefined;
      void current?.then(({ lm }) => lm.dispose());
    },
  };
}

function checkRequest(request: ChatRequest): void {
  if (request.model !== undefined && request.model !== OFFLINE_MODEL) {
    throw new Error(
      `The offline provider has one model, "${OFFLINE_MODEL}"; the request names "${request.model}"`,
    );
  }
  const { maxTokens, temperature, topP: p } = request;
  if (maxTokens !== undefined && (!Number.isInteger(maxTokens) || maxTokens < 1)) {
    throw new RangeError(`maxTokens must be a whole number ≥ 1, got ${maxTokens}`);
  }
  if (temperature !== undefined && !(temperature >= 0)) {
    throw new RangeError(`temperature must be ≥ 0, got ${temperature}`);
  }
  if (p !== undefined && !(p > 0 && p <= 1))
    throw new RangeError(`topP must be in (0, 1], got ${p}`);
}

async function generate(
  { lm, tokenizer }: LoadedModel,
  request: ChatRequest,
  hooks: ChatHooks,
): Promise<Omit<ChatResult, 'ms'>> {
  const prompt = tokenizer.encode(renderPrompt(request.messages, request.tools));
  const context = lm.config.context;
  if (prompt.length >= context) {
    throw new RangeError(
      `The conversation is too long for the offline model: ${prompt.length} tokens, and it ` +
        `reads at most ${context} (the prompt and the reply together). Send fewer messages.`,
    );
  }
  // The narrow model is at its best greedy: it defaults to temperature 0 (docs/decisions.md).
  const { temperature = 0, topP: p, seed } = request;
  const rng = seed === undefined ? Math.random : seedrandom(String(seed));
  const limit = Math.min(request.maxTokens ?? Infinity, context - prompt.length);
  const end = tokenizer.id(MARKERS.end);
  const reply = new ReplyStream((piece) => hooks.onText(piece));
  const ids = [...prompt];
  const decoder = new CachedDecoder(lm);
  let finishReason: FinishReason = 'length';
  let completionTokens = 0;
  try {
    for (let step = 0; step < limit; step += 1) {
      if (step % TOKENS_PER_YIELD === TOKENS_PER_YIELD - 1) await yieldToEventLoop();
      if (hooks.signal.aborted) {
        finishReason = 'interrupted';
        break;
      }
      let probs = softmax(decoder.next(ids));
      if (temperature > 0) probs = applyTemperature(probs, temperature);
      if (p !== undefined && p < 1) probs = topP(probs, p);
      const next = temperature === 0 ? argmax(probs) : sample(probs, rng);
      completionTokens += 1;
      if (next === end) {
        finishReason = 'stop';
        break;
      }
      ids.push(next);
      reply.push(tokenizer.decode([next]));
    }
  } finally {
    decoder.dispose();
  }
  const turn = request.messages.length;
  const { content, toolCalls } = reply.finish((i) => `call_${turn}_${i}`);
  const calls = finishReason === 'interrupted' ? [] : toolCalls;
  if (calls.length > 0) finishReason = 'tool_calls';
  return {
    message: { role: 'assistant', content, ...(calls.length > 0 ? { toolCalls: calls } : {}) },
    toolCalls: calls,
    usage: { promptTokens: prompt.length, completionTokens },
    finishReason,
    provider: 'offline',
    model: OFFLINE_MODEL,
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
