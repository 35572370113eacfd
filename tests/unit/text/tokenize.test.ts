import { describe, expect, it } from 'vitest';
import { countChatTokens, countTokens, decode, tokenize } from '../../../src/lib/text/tokenize';

describe('tokenize', () => {
  it('gives the GPT-2 ids of "Hello world" (r50k_base)', async () => {
    // Widely quoted GPT-2 example (Hugging Face GPT2Tokenizer / tiktoken 'gpt2').
    expect(await tokenize('Hello world', 'r50k_base')).toEqual({
      ids: [15496, 995],
      tokens: ['Hello', ' world'],
    });
  });

  it('matches the OpenAI cookbook for cl100k_base and o200k_base', async () => {
    // openai-cookbook, "How to count tokens with tiktoken": 'tiktoken is great!' is
    // [83, 1609, 5963, 374, 2294, 0] in cl100k_base and [83, 8251, 2488, 382, 2212, 0] in o200k_base.
    const cl = await tokenize('tiktoken is great!', 'cl100k_base');
    expect(cl.ids).toEqual([83, 1609, 5963, 374, 2294, 0]);
    expect(cl.tokens).toEqual(['t', 'ik', 'token', ' is', ' great', '!']);
    const o = await tokenize('tiktoken is great!', 'o200k_base');
    expect(o.ids).toEqual([83, 8251, 2488, 382, 2212, 0]);
  });

  it('joins back into the text, even when a character is split over tokens', async () => {
    const s = 'Math 𝔘 and 鑫 in one line.';
    for (const encoding of ['r50k_base', 'cl100k_base', 'o200k_base'] as const) {
      const { ids, tokens } = await tokenize(s, encoding);
      expect(tokens.join('')).toBe(s);
      expect(tokens).toHaveLength(ids.length);
      expect(await decode(ids, encoding)).toBe(s);
    }
    // In GPT-2, '𝔘' is three byte tokens: the first two carry no whole character.
    const split = await tokenize('𝔘', 'r50k_base');
    expect(split.ids.length).toBeGreaterThan(1);
    expect(split.tokens.at(-1)).toBe('𝔘');
  });

  it('recovers after someone decoded half a character', async () => {
    const { ids } = await tokenize('𝔘', 'r50k_base');
    await decode(ids.slice(0, 1), 'r50k_base'); // leaves bytes in gpt-tokenizer's decoder
    expect((await tokenize('é 𝔘', 'r50k_base')).tokens.join('')).toBe('é 𝔘');
  });

  it('treats special-token text as ordinary text', async () => {
    const { tokens } = await tokenize('a <|endoftext|> b', 'cl100k_base');
    expect(tokens.join('')).toBe('a <|endoftext|> b');
    expect(tokens.length).toBeGreaterThan(3);
  });

  it('counts tokens, fewer with larger vocabularies on English', async () => {
    const s = 'The quick brown fox jumps over the lazy dog. '.repeat(5) + 'Internationalization!';
    const gpt2 = await countTokens(s, 'r50k_base');
    expect(gpt2).toBe((await tokenize(s, 'r50k_base')).ids.length);
    expect(await countTokens('', 'o200k_base')).toBe(0);
    expect(await countTokens('    indented code', 'o200k_base')).toBeLessThan(
      await countTokens('    indented code', 'r50k_base'),
    );
  });

  it('rejects unknown encodings and non-strings clearly', async () => {
    await expect(tokenize('x', 'p99k' as never)).rejects.toThrow(
      /Unknown encoding 'p99k'.*o200k_base/,
    );
    await expect(countTokens(42 as never)).rejects.toThrow(/must be a string/);
  });
});

describe('countChatTokens', () => {
  const chat = [
    { role: 'system' as const, content: 'You are helpful.' },
    { role: 'user' as const, content: 'Hello world' },
  ];

  it('is content + 4 per message + 3 to prime the reply (ChatML)', async () => {
    for (const encoding of ['cl100k_base', 'o200k_base'] as const) {
      const content =
        (await countTokens(chat[0].content, encoding)) +
        (await countTokens(chat[1].content, encoding));
      expect(await countChatTokens(chat, encoding)).toBe(content + 4 * chat.length + 3);
    }
    // OpenAI cookbook's num_tokens_from_messages agrees: 3 per message + the role's token
    // + the content, + 3 for the reply: 4 + 2 + 2·(3 + 1) + 3 = 17.
    expect(await countChatTokens(chat, 'cl100k_base')).toBe(17);
  });

  it('says GPT-2 has no chat format, and checks messages', async () => {
    await expect(countChatTokens(chat, 'r50k_base')).rejects.toThrow(/no chat format/);
    await expect(countChatTokens([{ role: 'user' } as never], 'o200k_base')).rejects.toThrow(
      /message 0/,
    );
  });
});
