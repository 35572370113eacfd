// text.wordVectors over the committed GloVe subset, served by a fake site from public/.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { wordVectors, type WordVectors } from '../../../src/lib/text/word-vectors';
import { BASE_URL, installModelSite, type ModelSite } from './model-site';

/** Fetching and dequantising 3 MB takes well under a second, unless the machine is busy. */
const LOAD_TIMEOUT_MS = 30_000;

let site: ModelSite;
let glove: WordVectors;
beforeAll(async () => {
  site = installModelSite();
  glove = await wordVectors();
}, LOAD_TIMEOUT_MS);
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('text.wordVectors', { timeout: LOAD_TIMEOUT_MS }, () => {
  it('loads 30,000 words of 100 numbers from the site, once', async () => {
    expect(glove.words).toHaveLength(30_000);
    expect(glove.words.slice(0, 3)).toEqual(['the', ',', '.']);
    expect(glove.dimensions).toBe(100);
    expect(glove.vector('Cat')).toHaveLength(100);
    expect(await wordVectors()).toBe(glove);
    expect(site.requests.every((url) => url.startsWith(`${BASE_URL}models/glove-subset/`))).toBe(
      true,
    );
    expect(site.requests).toHaveLength(3);
  });

  it('finds neighbours that mean something alike', () => {
    const near = glove.nearest('frog', 10).map((n) => n.word);
    expect(near).toContain('toad');
    expect(near).not.toContain('frog');
    const similarities = glove.nearest('monday', 5).map((n) => n.similarity);
    expect([...similarities].sort((a, b) => b - a)).toEqual(similarities);
    expect(glove.nearest('monday', 5).map((n) => n.word)).toContain('tuesday');
  });

  it('solves the classic analogies', () => {
    expect(glove.analogy('man', 'king', 'woman')[0].word).toBe('queen');
    expect(glove.analogy('france', 'paris', 'italy')[0].word).toBe('rome');
  });

  it('finds the neighbours of a vector, the word itself first', () => {
    const [first] = glove.nearest(glove.vector('river'), 1);
    expect(first.word).toBe('river');
    expect(first.similarity).toBeCloseTo(1, 5);
  });

  it('explains unknown words and bad arguments', () => {
    expect(glove.has('zorblax')).toBe(false);
    expect(() => glove.vector('zorblax')).toThrow('"zorblax" is not among the 30,000 words');
    expect(() => glove.nearest([1, 2, 3])).toThrow('the vector needs 100 numbers, got 3');
    expect(() => glove.nearest('cat', 0)).toThrow('k must be a whole number');
  });
});
