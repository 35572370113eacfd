import seedrandom from 'seedrandom';
import { describe, expect, it, test } from 'vitest';
import { sampleIndex, samplingProcessor } from '../../../src/lib/text/generation-sampling';
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
  test('defaults to greedy decoding of at most 128 new tokens, new text only', () => {
    expect(generationOptions()).toEqual({
      settings: {
        max_new_tokens: DEFAULT_MAX_NEW_TOKENS,
        do_sample: false,
        return_full_text: false,
      },
    });
  });
  test('samples (with our seeded sampler) at a temperature above 0', () => {
    expect(generationOptions({ maxNewTokens: 20, temperature: 0.7, seed: 3 })).toEqual({
      settings: { max_new_tokens: 20, do_sample: false, return_full_text: false },
      sampling: { temperature: 0.7, seed: 3 },
    });
    expect(generationOptions({ temperature: 1 }).sampling).toEqual({ temperature: 1 });
  });
  test('names the bad option', () => {
    expect(() => generationOptions({ maxNewTokens: 1.5 })).toThrow(/maxNewTokens .* got 1.5/);
    expect(() => generationOptions({ maxNewTokens: 100_000 })).toThrow(/from 1 to 2048/);
    expect(() => generationOptions({ temperature: Number.NaN })).toThrow(/temperature/);
    expect(() => generationOptions({ temperature: 1, seed: Infinity })).toThrow(/seed/);
    expect(() => generationOptions(null as unknown as object)).toThrow(/options must be/);
  });
});

describe('sampling', () => {
  test('draws each index about as often as softmax(scores / temperature) says', () => {
    const rng = seedrandom('sampling');
    const scores = [Math.log(0.5), Math.log(0.3), Math.log(0.2), -Infinity];
    const counts = [0, 0, 0, 0];
    const draws = 20_000;
    for (let i = 0; i < draws; i += 1) counts[sampleIndex(scores, 1, rng)] += 1;
    expect(counts[3]).toBe(0);
    // Standard error ≈ 0.0035: 0.015 is more than 4 of them.
    [0.5, 0.3, 0.2].forEach((p, i) => expect(Math.abs(counts[i] / draws - p)).toBeLessThan(0.015));
    // A low temperature sharpens: nearly always the best.
    let best = 0;
    for (let i = 0; i < 1000; i += 1) if (sampleIndex(scores, 0.05, rng) === 0) best += 1;
    expect(best).toBeGreaterThan(990);
  });
  test('the processor leaves one token possible per row, the same for the same seed', () => {
    const logits = () => ({ data: new Float32Array([0, 0, 0, 0, 1, 1, 1, 1]), dims: [2, 4] });
    const a = samplingProcessor(1, seedrandom('7'))(null, logits());
    const b = samplingProcessor(1, seedrandom('7'))(null, logits());
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    for (const row of [0, 1]) {
      const values = Array.from(a.data.slice(row * 4, row * 4 + 4));
      expect(values.filter((v) => v === 0)).toHaveLength(1);
      expect(values.filter((v) => v === -Infinity)).toHaveLength(3);
    }
  });
  test('refuses a temperature of 0 and rows with nothing possible', () => {
    expect(() => sampleIndex([1, 2], 0, Math.random)).toThrow(/temperature > 0/);
    expect(() => sampleIndex([-Infinity], 1, Math.random)).toThrow(/-Infinity/);
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
