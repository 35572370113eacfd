/**
 * Splitting a document into overlapping chunks for retrieval (RAG).
 *
 * A chunk is at most `size` characters (or tokens) long and ends at the best break in the
 * second half of its window: a blank line, then the end of a sentence or line, then a space,
 * so it rarely cuts a word. Each chunk starts exactly `overlap` units before the previous
 * one ended, so a sentence cut at the end of one chunk is whole in the next.
 *
 * With `by: 'sentences'` the units are whole sentences (sentence-bounds.ts): a chunk is at
 * most `size` sentences, ends at a paragraph break when one is in the second half of its
 * window, and repeats the last `overlap` sentences of the chunk before it.
 *
 * @example
 * import { text } from 'playgrad'
 * const chunks = await text.chunk(doc, { size: 500, overlap: 100 })
 * chunks[0]  // { text: '…', start: 0, end: 497, index: 0 }
 * await text.chunk(doc, { by: 'sentences', size: 4, overlap: 1 })   // 4 sentences each
 */
import { sentenceStarts } from './sentence-bounds';
import { loadEncoding, type EncodingName } from './tokenize';

export interface ChunkOptions {
  /** Longest chunk, in characters (or tokens, or sentences, as `by` says). */
  size: number;
  /** How much each chunk repeats of the one before it (default 0); less than `size`. */
  overlap?: number;
  /** Measure in characters (default), in tokens of `encoding`, or in whole sentences. */
  by?: 'chars' | 'tokens' | 'sentences';
  /** The tokenizer for `by: 'tokens'` (default 'cl100k_base'). */
  encoding?: EncodingName;
}

export interface Chunk {
  text: string;
  /** Character offsets in the document: `doc.slice(start, end) === text`. */
  start: number;
  end: number;
  /** Position in the list, from 0. */
  index: number;
}

/** The document seen as `count` units (characters or tokens); unit i starts at offset(i). */
interface Units {
  count: number;
  offset(i: number): number;
}

/** Splits `doc` into overlapping chunks that prefer paragraph, sentence and word breaks. */
export async function chunk(doc: string, options: ChunkOptions): Promise<Chunk[]> {
  if (typeof doc !== 'string')
    throw new TypeError(`chunk: the text must be a string, got ${typeof doc}`);
  const { size, overlap = 0, by = 'chars', encoding = 'cl100k_base' } = options ?? {};
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`chunk: size must be a whole number ≥ 1, got ${String(size)}`);
  }
  if (!Number.isInteger(overlap) || overlap < 0) {
    throw new RangeError(`chunk: overlap must be a whole number ≥ 0, got ${String(overlap)}`);
  }
  if (overlap >= size) {
    throw new RangeError(`chunk: overlap (${overlap}) must be smaller than size (${size})`);
  }
  if (by !== 'chars' && by !== 'tokens' && by !== 'sentences') {
    throw new RangeError(`chunk: by must be 'chars', 'tokens' or 'sentences', got '${String(by)}'`);
  }
  if (doc.length === 0) return [];
  const units =
    by === 'chars'
      ? charUnits(doc)
      : by === 'sentences'
        ? sentenceUnits(doc)
        : await tokenUnits(doc, encoding);
  return split(doc, units, size, overlap);
}

function sentenceUnits(doc: string): Units {
  const starts = sentenceStarts(doc);
  return { count: starts.length, offset: (i) => (i < starts.length ? starts[i] : doc.length) };
}

function charUnits(doc: string): Units {
  return { count: doc.length, offset: (i) => i };
}

async function tokenUnits(doc: string, encoding: EncodingName): Promise<Units> {
  const api = await loadEncoding(encoding);
  const ids = api.encode(doc, { disallowedSpecial: new Set() });
  // Where each token starts in the text. A token holding part of a character decodes to
  // '' (see tokenize.ts), so a break can never fall inside a character.
  const offsets = new Int32Array(ids.length + 1);
  ids.forEach((id, i) => (offsets[i + 1] = offsets[i] + api.decode([id]).length));
  if (offsets[ids.length] !== doc.length) {
    ids.forEach((id, i) => (offsets[i + 1] = offsets[i] + api.decode([id]).length));
  }
  return { count: ids.length, offset: (i) => offsets[i] };
}

function split(doc: string, units: Units, size: number, overlap: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  for (;;) {
    const end = chooseEnd(doc, units, start, size, overlap);
    const from = units.offset(start);
    const to = units.offset(end);
    chunks.push({ text: doc.slice(from, to), start: from, end: to, index: chunks.length });
    if (end >= units.count) return chunks;
    start = end - overlap;
  }
}

/** The unit index where the chunk starting at `start` ends (exclusive). */
function chooseEnd(
  doc: string,
  units: Units,
  start: number,
  size: number,
  overlap: number,
): number {
  const hi = Math.min(start + size, units.count);
  if (hi === units.count) return hi;
  // Never end in the first half of the window (tiny chunks), and always past the overlap
  // (or the next chunk would not move forward).
  const lo = Math.max(start + overlap + 1, start + Math.ceil(size / 2));
  let best = hi;
  let bestScore = -1;
  for (let end = hi; end >= lo; end--) {
    const score = breakScore(doc, units.offset(end));
    if (score > bestScore) {
      best = end;
      bestScore = score;
      if (score === PARAGRAPH) break;
    }
  }
  return best;
}

const PARAGRAPH = 3;
const SENTENCE = 2;
const WORD = 1;

/** How good a place offset `at` is to end a chunk (the text before it stays in this chunk). */
function breakScore(doc: string, at: number): number {
  const before = doc[at - 1] ?? '';
  if (before === '\n' && doc[at - 2] === '\n') return PARAGRAPH;
  if (before === '\n') return SENTENCE;
  // "end. Next": a space after a full stop (or ?, !), maybe after a closing quote or bracket.
  if (/\s/.test(before))
    return SENTENCE_END.test(doc.slice(Math.max(0, at - 3), at - 1)) ? SENTENCE : WORD;
  // A token that begins with its space (' world') breaks before the space.
  if (/\s/.test(doc[at] ?? ''))
    return SENTENCE_END.test(doc.slice(Math.max(0, at - 2), at)) ? SENTENCE : WORD;
  return 0;
}

const SENTENCE_END = /[.!?]["'’”)\]]?$/;
