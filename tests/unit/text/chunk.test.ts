import { describe, expect, it } from 'vitest';
import { chunk, type Chunk } from '../../../src/lib/text/chunk';
import { countTokens } from '../../../src/lib/text/tokenize';

const DOC = [
  'Tokens are pieces of text. A model reads tokens, not letters.',
  'Chunking splits a long document into pieces. Each piece is embedded on its own.',
  'Overlap repeats a little of the previous chunk. A sentence cut at the end is whole in the next one.',
].join('\n\n');

/** Every chunk is the document's own text at its offsets, numbered in order. */
function expectConsistent(doc: string, chunks: Chunk[]): void {
  chunks.forEach((c, i) => {
    expect(c.index).toBe(i);
    expect(doc.slice(c.start, c.end)).toBe(c.text);
  });
  expect(chunks[0].start).toBe(0);
  expect(chunks.at(-1)?.end).toBe(doc.length);
}

describe('chunk', () => {
  it('covers the document with chunks no longer than size, overlapping exactly', async () => {
    for (const [size, overlap] of [
      [50, 10],
      [80, 0],
      [120, 30],
      [7, 3],
    ]) {
      const chunks = await chunk(DOC, { size, overlap });
      expectConsistent(DOC, chunks);
      for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(size);
      for (let i = 1; i < chunks.length; i++)
        expect(chunks[i].start).toBe(chunks[i - 1].end - overlap);
    }
  });

  it('ends chunks at paragraph, then sentence, then word breaks', async () => {
    // The first paragraph is 61 characters: a window of 70 ends right after its blank line.
    const [first] = await chunk(DOC, { size: 70 });
    expect(first.text).toBe(DOC.slice(0, DOC.indexOf('\n\n') + 2));
    // Inside a paragraph: the window ends after a full stop and its space.
    const para = DOC.split('\n\n')[1];
    const [sentence] = await chunk(para, { size: 60 });
    expect(sentence.text).toBe('Chunking splits a long document into pieces. ');
    // No sentence end in reach: a word break, never mid-word.
    const words = 'alpha beta gamma delta epsilon zeta eta theta';
    const pieces = await chunk(words, { size: 14, overlap: 0 });
    expect(pieces.map((p) => p.text)).toEqual([
      'alpha beta ',
      'gamma delta ',
      'epsilon zeta ',
      'eta theta',
    ]);
  });

  it('cuts a word only when there is no break in the window', async () => {
    const chunks = await chunk('x'.repeat(25), { size: 10, overlap: 2 });
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 10],
      [8, 18],
      [16, 25],
    ]);
  });

  it('gives [] for an empty text, one chunk for a short one', async () => {
    expect(await chunk('', { size: 10, overlap: 2 })).toEqual([]);
    expect(await chunk('short', { size: 10 })).toEqual([
      { text: 'short', start: 0, end: 5, index: 0 },
    ]);
  });

  it('by sentences: whole sentences, size of them at most, overlap repeated', async () => {
    const para = 'One is here. Two is here. Three is here. Four is here. Five is here.';
    const chunks = await chunk(para, { by: 'sentences', size: 2, overlap: 1 });
    expectConsistent(para, chunks);
    expect(chunks.map((c) => c.text.trim())).toEqual([
      'One is here. Two is here.',
      'Two is here. Three is here.',
      'Three is here. Four is here.',
      'Four is here. Five is here.',
    ]);
  });

  it('by sentences: ends at a paragraph break in the second half of the window', async () => {
    const chunks = await chunk(DOC, { by: 'sentences', size: 3 });
    expectConsistent(DOC, chunks);
    // Each paragraph has two sentences: a window of three ends at the blank line.
    expect(chunks.map((c) => c.text)).toEqual(
      DOC.split('\n\n').map((p, i, all) => (i < all.length - 1 ? `${p}\n\n` : p)),
    );
  });

  it('rejects bad sizes with a clear message', async () => {
    await expect(chunk(DOC, { size: 10, overlap: 10 })).rejects.toThrow(
      'overlap (10) must be smaller than size (10)',
    );
    await expect(chunk(DOC, { size: 0 })).rejects.toThrow(/size must be a whole number/);
    await expect(chunk(DOC, { size: 10, overlap: -1 })).rejects.toThrow(/overlap must be/);
    await expect(chunk(DOC, { size: 10, by: 'words' as never })).rejects.toThrow(/by must be/);
    await expect(chunk(undefined as never, { size: 10 })).rejects.toThrow(/must be a string/);
  });

  it('measures in tokens with by: "tokens"', async () => {
    const doc = (DOC + '\n\n').repeat(4) + 'Emoji 🙂 and 𝔘 too.';
    const chunks = await chunk(doc, {
      size: 40,
      overlap: 8,
      by: 'tokens',
      encoding: 'cl100k_base',
    });
    expectConsistent(doc, chunks);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks)
      expect(await countTokens(c.text, 'cl100k_base')).toBeLessThanOrEqual(40 + 1);
    // Consecutive chunks share exactly 8 tokens of text: re-tokenizing may merge across the
    // cut, so compare the character spans instead.
    for (let i = 1; i < chunks.length; i++) {
      const shared = doc.slice(chunks[i].start, chunks[i - 1].end);
      expect(shared.length).toBeGreaterThan(0);
      expect(await countTokens(shared, 'cl100k_base')).toBeLessThanOrEqual(8 + 1);
    }
  });
});
