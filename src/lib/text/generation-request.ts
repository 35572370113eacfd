/**
 * The checked, pure half of `text.generate`: which input a text-generation pipeline gets
 * for a prompt (the chat messages when the model has a chat template, the plain text
 * otherwise), the options it is called with, and the generated text read back.
 */

export interface GenerateTextOptions {
  /** At most this many new tokens (default 128). */
  maxNewTokens?: number;
  /**
   * 0 (the default) picks the most likely token every time, so the same prompt gives the
   * same answer; above 0 samples, more varied the higher.
   */
  temperature?: number;
  /**
   * Sampling's seed: the same seed gives the same text. Default: the kernel's random
   * generator (`seed(n)` in `playgrad` sets it).
   */
  seed?: number;
}

export const DEFAULT_MAX_NEW_TOKENS = 128;
/** A bound that keeps a typo (10000) from running for many minutes in a browser. */
export const MAX_NEW_TOKENS_LIMIT = 2048;

export interface ChatMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

/** What the pipeline is called with: instruction models expect their chat format. */
export function generationInput(prompt: string, hasChatTemplate: boolean): string | ChatMessage[] {
  if (typeof prompt !== 'string') {
    throw new TypeError(`generate(prompt): prompt must be a string, got ${typeof prompt}`);
  }
  if (prompt.trim() === '') throw new RangeError('generate(prompt): the prompt is empty');
  return hasChatTemplate ? [{ role: 'user', content: prompt }] : prompt;
}

export interface CheckedGenerateOptions {
  /** For the pipeline: always its greedy mode (sampling is ours, see generation-sampling). */
  settings: { max_new_tokens: number; do_sample: false; return_full_text: false };
  /** Set when sampling: the temperature, and the seed if one was given. */
  sampling?: { temperature: number; seed?: number };
}

/** The learner's options, checked, in Transformers.js' terms. */
export function generationOptions(options: GenerateTextOptions = {}): CheckedGenerateOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('generate(prompt, options): options must be an object');
  }
  const { maxNewTokens = DEFAULT_MAX_NEW_TOKENS, temperature = 0, seed } = options;
  if (!Number.isInteger(maxNewTokens) || maxNewTokens < 1 || maxNewTokens > MAX_NEW_TOKENS_LIMIT) {
    throw new RangeError(
      `generate: maxNewTokens must be a whole number from 1 to ${MAX_NEW_TOKENS_LIMIT}, ` +
        `got ${String(maxNewTokens)}`,
    );
  }
  if (typeof temperature !== 'number' || !Number.isFinite(temperature) || temperature < 0) {
    throw new RangeError(`generate: temperature must be a number ≥ 0, got ${String(temperature)}`);
  }
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isFinite(seed))) {
    throw new TypeError(`generate: seed must be a number, got ${String(seed)}`);
  }
  // Only the new text: a chat input gives it as the assistant's message anyway.
  const settings = {
    max_new_tokens: maxNewTokens,
    do_sample: false as const,
    return_full_text: false as const,
  };
  if (temperature === 0) return { settings };
  return { settings, sampling: { temperature, ...(seed !== undefined && { seed }) } };
}

/** The new text from a pipeline's output: the last message of a chat, or the text. */
export function generatedText(output: unknown): string {
  const first = Array.isArray(output) ? (output[0] as unknown) : undefined;
  const generated = (first as { generated_text?: unknown } | undefined)?.generated_text;
  if (typeof generated === 'string') return generated.trim();
  if (Array.isArray(generated)) {
    const last = generated.at(-1) as { content?: unknown } | undefined;
    if (typeof last?.content === 'string') return last.content.trim();
  }
  throw new Error('generate: the text-generation pipeline returned no text');
}
