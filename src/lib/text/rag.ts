/**
 * The steps of retrieval-augmented generation (RAG), small enough to read: retrieve the
 * passages nearest to a question, number them in a prompt, answer by picking the sentences
 * that share the most words with the question (an "extractive" answer, no model needed),
 * and measure retrieval with recall@k.
 *
 * @example
 * import { text } from 'playgrad'
 * const hits = text.rag.retrieve(index, queryVector, 3)
 * const passages = hits.map((hit) => hit.metadata.text)
 * text.rag.buildPrompt('Who won?', passages)
 * text.rag.extractiveAnswer('Who won?', passages).text   // 'The blue team won. [2]'
 */
import { generate } from './generate';
import type { GenerateTextOptions } from './generation-request';
import type { SearchResult, VectorId, VectorIndex, VectorLike } from './vector-index';

export interface Retrieved<Meta> extends SearchResult {
  /** What was stored with the vector (often the passage text and its source). */
  metadata: Meta | undefined;
}

/** The k passages nearest to the query, best first, with their metadata. */
export function retrieve<Meta>(
  index: VectorIndex<Meta>,
  queryVector: VectorLike,
  k: number,
): Retrieved<Meta>[] {
  return index.search(queryVector, k).map((hit) => ({ ...hit, metadata: index.metadata(hit.id) }));
}

/** A passage as text, or with the name of where it came from. */
export type Passage = string | { text: string; source?: string };

function passageText(passage: Passage, i: number): string {
  const text = typeof passage === 'string' ? passage : passage?.text;
  if (typeof text !== 'string')
    throw new TypeError(`passage ${i + 1} must be a string or { text }`);
  return text;
}

/** A prompt that gives the model numbered sources and asks it to cite them as [n]. */
export function buildPrompt(question: string, passages: Passage[]): string {
  if (typeof question !== 'string')
    throw new TypeError('buildPrompt: the question must be a string');
  const sources = passages.map((p, i) => {
    const source = typeof p === 'object' && p.source ? ` (${p.source})` : '';
    return `[${i + 1}]${source} ${passageText(p, i).trim()}`;
  });
  return [
    'Answer the question using only the numbered sources below, and cite the sources you',
    'use as [1], [2], … If the sources do not contain the answer, say that you do not know.',
    '',
    ...sources,
    '',
    `Question: ${question.trim()}`,
    'Answer:',
  ].join('\n');
}

// Words too common to say whether a sentence is about the question.
const STOPWORDS = new Set(
  (
    'a an and are as at be by did do does for from had has have how i in is it its of on or ' +
    'that the their there these this to was were what when where which who whom why will ' +
    'with you your about into than then they them he she his her we our can could would'
  ).split(' '),
);

/**
 * Lower-case content words: the terms a question and a sentence are compared on. A final
 * plural 's' is dropped ('closes' and 'close' match), a crude stemmer that is enough here.
 * Single letters are dropped too: the 's' of "Ahab's" or the 't' of "don't" would
 * otherwise match every possessive in the text.
 */
export function terms(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\p{N}/u.test(w)))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Sentences of a passage: split after . ! ? (and line breaks) followed by space. */
export function sentences(s: string): string[] {
  return s
    .split(/(?<=[.!?])\s+|\n+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

export interface ExtractiveAnswer {
  /** The chosen sentences, each followed by its source number: 'It rained. [2]'. */
  text: string;
  /** The chosen sentences, their passage (from 1) and score (the weights of the terms covered). */
  sentences: { text: string; source: number; score: number }[];
}

/**
 * Answers with the passages' own sentences: those whose words cover the most of the
 * question's terms, each term weighted by how rare it is among the sentences (log(1 + N/n)
 * for a term in n of N sentences), so 'weekdays' counts more than 'library'. Ties go to the
 * earlier passage, then the shorter sentence; at most `maxSentences` are kept.
 */
export function extractiveAnswer(
  question: string,
  passages: Passage[],
  { maxSentences = 2 }: { maxSentences?: number } = {},
): ExtractiveAnswer {
  if (typeof question !== 'string')
    throw new TypeError('extractiveAnswer: the question must be a string');
  const wanted = new Set(terms(question));
  const all = passages.flatMap((p, i) =>
    sentences(passageText(p, i)).map((text) => ({
      text,
      source: i + 1,
      words: new Set(terms(text)),
    })),
  );
  const weight = new Map<string, number>();
  for (const term of wanted) {
    const n = all.filter((s) => s.words.has(term)).length;
    if (n > 0) weight.set(term, Math.log(1 + all.length / n));
  }
  const best = all
    .map(({ text, source, words }) => {
      let score = 0;
      for (const [term, w] of weight) if (words.has(term)) score += w;
      return { text, source, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.source - b.source || a.text.length - b.text.length)
    .slice(0, maxSentences);
  if (best.length === 0) return { text: 'The sources do not answer this question.', sentences: [] };
  return { text: best.map((s) => `${s.text} [${s.source}]`).join(' '), sentences: best };
}

export interface GeneratedAnswer {
  /** The model's answer, with the [n] citations it wrote. */
  text: string;
  /** The source numbers it cites that exist (1 to the number of passages), in order. */
  cited: number[];
}

/**
 * Answers with the model chosen by `text.useGenerator`: `buildPrompt`, then `generate`.
 * A small model may cite wrongly or not at all: `cited` lists only real source numbers.
 */
export async function generatedAnswer(
  question: string,
  passages: Passage[],
  options: GenerateTextOptions = {},
): Promise<GeneratedAnswer> {
  const text = await generate(buildPrompt(question, passages), options);
  return { text, cited: citations(text, passages.length) };
}

/** The distinct [n] citations in a text with 1 ≤ n ≤ count, in the order they appear. */
export function citations(text: string, count: number): number[] {
  const found = [...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
  return [...new Set(found.filter((n) => n >= 1 && n <= count))];
}

/**
 * The share of the relevant ids found in the first k results: 1 when every relevant
 * passage was retrieved, 0 when none was.
 */
export function recallAtK(
  results: readonly (VectorId | { id: VectorId })[],
  relevant: Iterable<VectorId>,
  k: number,
): number {
  const wanted = new Set(relevant);
  if (wanted.size === 0)
    throw new RangeError('recallAtK: no relevant ids given, so recall is undefined');
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`recallAtK: k must be a whole number ≥ 1, got ${String(k)}`);
  const top = results.slice(0, k).map((r) => (typeof r === 'object' ? r.id : r));
  return new Set(top.filter((id) => wanted.has(id))).size / wanted.size;
}
