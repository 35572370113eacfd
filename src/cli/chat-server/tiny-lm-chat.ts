/**
 * The course's tiny character-level LM (public/models/tiny-lm, trained on Moby-Dick) as a
 * `ChatProvider`, run in Node with tfjs, so the chat server has a real model behind it that
 * needs no download. It is no chat model: it continues the last user message in Melville's
 * manner, one character per token. What it is good for is the path around it — streaming,
 * Stop, token counts — which is the same for a real instruct model. It calls no tools.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import seedrandom from 'seedrandom';
import type { ChatHooks, ChatProvider, ChatRequest, ChatResult } from '../../lib/llm/types';
import { applyTemperature, argmax, sample, softmax, topP } from '../../lib/text/sampling';
import { TinyLM } from '../../lib/text/tiny-lm';
import { CachedDecoder } from '../../lib/text/tiny-lm-decoder';
import { parseTinyLMFiles } from '../../lib/text/tiny-lm-files';

export const TINY_LM_MODEL = 'playgrad-tiny-lm';
/** New characters when the request sets no maxTokens. */
const DEFAULT_MAX_TOKENS = 120;

export async function loadTinyLMChat(modelDir: string): Promise<TinyLMChat> {
  const [config, vocab, weights] = await Promise.all([
    readFile(path.join(modelDir, 'config.json'), 'utf8'),
    readFile(path.join(modelDir, 'vocab.json'), 'utf8'),
    readFile(path.join(modelDir, 'weights.bin')),
  ]);
  const bytes = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return new TinyLMChat(new TinyLM(parseTinyLMFiles(config, vocab, bytes, `${modelDir}/`)));
}

export class TinyLMChat implements ChatProvider {
  readonly kind = 'tiny-lm';
  readonly defaultModel = TINY_LM_MODEL;

  constructor(private readonly model: TinyLM) {}

  async chat(request: ChatRequest, hooks: ChatHooks): Promise<ChatResult> {
    const started = performance.now();
    const prompt = this.prompt(request);
    const maxTokens = request.maxTokens ?? DEFAULT_MAX_TOKENS;
    const temperature = request.temperature ?? 1;
    const rng = request.seed === undefined ? Math.random : seedrandom(String(request.seed));
    const ids = this.model.encode(prompt);
    const added: number[] = [];
    const decoder = new CachedDecoder(this.model);
    let interrupted = false;
    try {
      for (let step = 0; step < maxTokens; step += 1) {
        // Between tokens, let the server send what came and notice a closed connection.
        await new Promise((resolve) => setImmediate(resolve));
        if (hooks.signal.aborted) {
          interrupted = true;
          break;
        }
        const window = [...ids, ...added].slice(-this.model.config.context);
        let probs = applyTemperature(softmax(decoder.next(window)), temperature);
        if (request.topP !== undefined) probs = topP(probs, request.topP);
        const id = temperature === 0 ? argmax(probs) : sample(probs, rng);
        added.push(id);
        hooks.onText(this.model.decode([id]));
      }
    } finally {
      decoder.dispose();
    }
    const text = this.model.decode(added);
    return {
      message: { role: 'assistant', content: text },
      toolCalls: [],
      usage: { promptTokens: ids.length, completionTokens: added.length },
      ms: Math.round(performance.now() - started),
      finishReason: interrupted ? 'interrupted' : 'length',
      provider: this.kind,
      model: request.model ?? this.defaultModel,
    };
  }

  /** The last user message, in the characters the model knows (others are dropped). */
  private prompt(request: ChatRequest): string {
    const user = request.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
    const known = new Set(this.model.vocab);
    const kept = Array.from(user)
      .filter((c) => known.has(c))
      .join('');
    return kept.trim() === '' ? 'The ' : kept;
  }

  dispose(): void {
    this.model.dispose();
  }
}
