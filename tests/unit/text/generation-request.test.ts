import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_NEW_TOKENS,
  generatedText,
  generationInput,
  generationOptions,
} from '../../../src/lib/text/generation-request';
import { citations } from '../../../src/lib/text/rag';

describe('generationInput', () => {
  it('wraps the prompt as a user message for a model with a chat template', () => {
    expect(generationInput('Hi there', true)).toEqual([{ role: 'user', content: 'Hi there' }]);
  });
  it('passes the prompt as it is otherwise', () => {
    expect(generationInput('Hi there', false)).toBe('Hi there');
  });
  it('refuses an empty or non-text prompt', () => {
    expect(() => generationInput('  \n', true)).toThrow(/empty/);
    expect(() => generationInput(42 as unknown as string, true)).toThrow(/must be a string/);
  });
});

describe('generationOptions', () => {
  it('defaults to greedy decoding of at most 128 new tokens, new text only', () => {
    expect(generationOptions()).toEqual({
      max_new_tokens: DEFAULT_MAX_NEW_TOKENS,
      do_sample: false,
      return_full_text: false,
    });
  });
  it('samples at a temperature above 0', () => {
    expect(generationOptions({ maxNewTokens: 20, temperature: 0.7 })).toEqual({
      max_new_tokens: 20,
      do_sample: true,
      temperature: 0.7,
      return_full_text: false,
    });
  });
  it('names the bad option', () => {
    expect(() => generationOptions({ maxNewTokens: 1.5 })).toThrow(/maxNewTokens .* got 1.5/);
    expect(() => generationOptions({ maxNewTokens: 100_000 })).toThrow(/from 1 to 2048/);
    expect(() => generationOptions({ temperature: Number.NaN })).toThrow(/temperature/);
    expect(() => generationOptions(null as unknown as object)).toThrow(/options must be/);
  });
});

describe('generatedText', () => {
  it('reads the text, or the last chat message, trimmed', () => {
    expect(generatedText([{ generated_text: ' A whale. [1]' }])).toBe('A whale. [1]');
    const chat = [
      { role: 'user', content: 'Q' },
      { role: 'assistant', content: ' An answer ' },
    ];
    expect(generatedText([{ generated_text: chat }])).toBe('An answer');
  });
  it('says so when there is no text', () => {
    expect(() => generatedText([])).toThrow(/no text/);
  });
});

describe('citations', () => {
  it('lists each real source number once, in order', () => {
    expect(citations('Bone [2], from a jaw [1][2]. See [7] and [0].', 3)).toEqual([2, 1]);
    expect(citations('No sources.', 3)).toEqual([]);
  });
});
