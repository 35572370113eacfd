/**
 * GPT tokenizers (byte-pair encoding) from the npm package `gpt-tokenizer`, under the names
 * OpenAI's tiktoken gives them. Each encoding's merge table is 0.6–2.4 MB of JavaScript, so
 * it is imported the first time a cell asks for it, never with the kernel.
 *
 * @example
 * import { text } from 'playgrad'
 * const { ids, tokens } = await text.tokenize('Hello world', 'r50k_base')
 * // ids: [15496, 995], tokens: ['Hello', ' world']
 */
import type { ChatMessage, GptEncoding } from 'gpt-tokenizer/GptEncoding';

/** tiktoken's names: r50k_base is GPT-2/GPT-3, cl100k_base GPT-3.5/GPT-4, o200k_base GPT-4o on. */
export type EncodingName = 'r50k_base' | 'cl100k_base' | 'o200k_base';

export const ENCODINGS: readonly EncodingName[] = ['r50k_base', 'cl100k_base', 'o200k_base'];

// One dynamic import per encoding: Vite makes each its own chunk, loaded on first use.
// gpt-tokenizer calls r50k_base "gpt2" (same ranks, same split pattern).
const LOADERS: Record<EncodingName, () => Promise<{ default: GptEncoding }>> = {
  r50k_base: () => import('gpt-tokenizer/encoding/gpt2'),
  cl100k_base: () => import('gpt-tokenizer/encoding/cl100k_base'),
  o200k_base: () => import('gpt-tokenizer/encoding/o200k_base'),
};

// The ChatML model whose message format each encoding's chat models share.
const CHAT_MODEL: Partial<Record<EncodingName, 'gpt-4' | 'gpt-4o'>> = {
  cl100k_base: 'gpt-4',
  o200k_base: 'gpt-4o',
};

const loaded = new Map<EncodingName, Promise<GptEncoding>>();

/** The encoding's tokenizer, imported once. */
export function loadEncoding(encoding: EncodingName = 'o200k_base'): Promise<GptEncoding> {
  if (!Object.hasOwn(LOADERS, encoding)) {
    throw new Error(
      `Unknown encoding '${String(encoding)}': use one of ${ENCODINGS.map((e) => `'${e}'`).join(', ')}`,
    );
  }
  let api = loaded.get(encoding);
  if (!api) {
    api = LOADERS[encoding]().then((module) => module.default);
    loaded.set(encoding, api);
  }
  return api;
}

export interface Tokenized {
  /** Token ids, as the model sees them. */
  ids: number[];
  /**
   * The text of each token; `tokens.join('') === input`. A character whose UTF-8 bytes are
   * split over several tokens (rare letters, some emoji) appears on the token that completes
   * it, and the tokens before it show ''.
   */
  tokens: string[];
}

// Special-token text such as '<|endoftext|>' in the input is ordinary text here, as it is
// in a user's message: it is split into ordinary tokens instead of throwing.
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

function checkText(s: unknown, what: string): asserts s is string {
  if (typeof s !== 'string') throw new TypeError(`${what} must be a string, got ${typeof s}`);
}

/** Splits `s` into tokens: their ids and the text of each. */
export async function tokenize(
  s: string,
  encoding: EncodingName = 'o200k_base',
): Promise<Tokenized> {
  checkText(s, 'tokenize: the text');
  const api = await loadEncoding(encoding);
  const ids = api.encode(s, AS_PLAIN_TEXT);
  return { ids, tokens: tokenTexts(api, ids, s) };
}

/**
 * Decodes token by token. gpt-tokenizer decodes a token that holds part of a character
 * through one shared streaming UTF-8 decoder, which returns '' until the character is
 * complete: that is what lets the pieces join back into the text. If someone decoded an
 * unfinished sequence earlier, the decoder still holds those bytes and the first pass is
 * wrong; a complete sequence always leaves it empty, so the second pass is right.
 */
function tokenTexts(api: GptEncoding, ids: number[], s: string): string[] {
  let tokens = ids.map((id) => api.decode([id]));
  if (tokens.join('') !== s) tokens = ids.map((id) => api.decode([id]));
  return tokens;
}

/** The text a sequence of token ids stands for. */
export async function decode(
  ids: number[],
  encoding: EncodingName = 'o200k_base',
): Promise<string> {
  const api = await loadEncoding(encoding);
  return api.decode(ids);
}

/** How many tokens `s` is in that encoding (what an API bills for the text alone). */
export async function countTokens(
  s: string,
  encoding: EncodingName = 'o200k_base',
): Promise<number> {
  checkText(s, 'countTokens: the text');
  const api = await loadEncoding(encoding);
  return api.encode(s, AS_PLAIN_TEXT).length;
}

export interface Message {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** Shown instead of the role when given. */
  name?: string;
}

/**
 * Tokens a chat transcript takes in the ChatML format of the encoding's chat models
 * (GPT-3.5/GPT-4 for cl100k_base, GPT-4o for o200k_base). Each message costs its content
 * plus 4 tokens — `<|im_start|>`, the role, `<|im_sep|>`, `<|im_end|>` — and the reply is
 * primed with 3 more (`<|im_start|>assistant<|im_sep|>`): so content + 4 × messages + 3.
 * Providers may add tokens of their own (tools, images), so treat it as a close estimate.
 * GPT-2 (r50k_base) had no chat format.
 */
export async function countChatTokens(
  messages: Message[],
  encoding: EncodingName = 'o200k_base',
): Promise<number> {
  if (!Array.isArray(messages)) throw new TypeError('countChatTokens: messages must be an array');
  messages.forEach((m, i) => {
    if (typeof m?.content !== 'string') {
      throw new TypeError(`countChatTokens: message ${i} needs a string 'content'`);
    }
  });
  const model = CHAT_MODEL[encoding];
  const api = await loadEncoding(encoding);
  if (!model) {
    throw new Error(
      `${encoding} has no chat format (GPT-2 predates chat): use cl100k_base or o200k_base`,
    );
  }
  return api.encodeChat(messages as ChatMessage[], model, AS_PLAIN_TEXT).length;
}
