/** Greedy longest match, as the trainer splits text (scripts/models/train-tool-lm.py). */
import { describe, expect, it } from 'vitest';
import { OfflineTokenizer } from '../../../src/lib/llm/offline-tokenizer';

const vocab = ['<|end|>', ' the', ' then', 'th', 't', 'h', 'e', 'n', ' ', '?', 'x'];
const tokenizer = new OfflineTokenizer(vocab);

describe('OfflineTokenizer', () => {
  it('takes the longest token that matches, left to right', () => {
    const ids = tokenizer.encode(' then the<|end|>');
    expect(ids.map((i) => vocab[i])).toEqual([' then', ' the', '<|end|>']);
  });

  it('falls back to characters, and decodes back to the text', () => {
    const text = 'x then thx';
    expect(tokenizer.decode(tokenizer.encode(text))).toBe(text);
  });

  it("reads characters it does not know as '?', an emoji as one", () => {
    expect(tokenizer.decode(tokenizer.encode('té😀x'))).toBe('t??x');
  });

  it('names a missing marker', () => {
    expect(() => tokenizer.id('<|user|>')).toThrow(
      "The offline model's vocabulary has no <|user|>",
    );
  });
});
