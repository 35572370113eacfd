import { describe, expect, it } from 'vitest';
import {
  buildPrompt,
  extractiveAnswer,
  recallAtK,
  retrieve,
  sentences,
  terms,
} from '../../../src/lib/text/rag';
import { VectorIndex } from '../../../src/lib/text/vector-index';

const PASSAGES = [
  'The library opens at nine. It closes at five on weekdays.',
  'Bicycles must be locked outside. The bicycle racks are behind the library.',
  'The cafe sells tea and cake.',
];

describe('rag', () => {
  it('retrieve returns the nearest passages with their metadata', () => {
    const index = new VectorIndex<{ text: string }>({ dim: 3 });
    index.add(
      ['p1', 'p2', 'p3'],
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      PASSAGES.map((text) => ({ text })),
    );
    const hits = retrieve(index, [0.1, 0.9, 0.2], 2);
    expect(hits.map((h) => h.id)).toEqual(['p2', 'p3']);
    expect(hits[0].metadata).toEqual({ text: PASSAGES[1] });
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  it('buildPrompt numbers the sources and asks for citations', () => {
    const prompt = buildPrompt(' Where are the racks? ', [
      PASSAGES[0],
      { text: PASSAGES[1], source: 'rules.md' },
    ]);
    expect(prompt).toContain(`[1] ${PASSAGES[0]}`);
    expect(prompt).toContain(`[2] (rules.md) ${PASSAGES[1]}`);
    expect(prompt).toMatch(/cite the sources/);
    expect(prompt.endsWith('Question: Where are the racks?\nAnswer:')).toBe(true);
    expect(() => buildPrompt('q', [42 as never])).toThrow('passage 1 must be a string or { text }');
  });

  it('extractiveAnswer picks the sentences sharing most question terms, with citations', () => {
    const answer = extractiveAnswer('When does the library close on weekdays?', PASSAGES, {
      maxSentences: 1,
    });
    expect(answer.text).toBe('It closes at five on weekdays. [1]');
    const two = extractiveAnswer('Where are the bicycle racks?', PASSAGES);
    // 'bicycle' and 'racks' are both in it; 'Bicycles must be locked' has only 'bicycle'.
    expect(two.sentences.map((s) => [s.text, s.source])).toEqual([
      ['The bicycle racks are behind the library.', 2],
      ['Bicycles must be locked outside.', 2],
    ]);
    expect(two.sentences[0].score).toBeGreaterThan(two.sentences[1].score);
    expect(two.text).toBe(
      'The bicycle racks are behind the library. [2] Bicycles must be locked outside. [2]',
    );
    expect(extractiveAnswer('What is the capital of Peru?', PASSAGES)).toEqual({
      text: 'The sources do not answer this question.',
      sentences: [],
    });
  });

  it('splits sentences and drops stopwords', () => {
    expect(sentences('One. Two?  Three!\nFour')).toEqual(['One.', 'Two?', 'Three!', 'Four']);
    expect(terms('Where is THE Library? Closes, glass')).toEqual(['library', 'close', 'glass']);
    // A possessive's 's' (and a contraction's 't') is not a term; a digit is.
    expect(terms("Queequeg's father didn't sail on day 3")).toEqual([
      'queequeg',
      'father',
      'didn',
      'sail',
      'day',
      '3',
    ]);
  });

  it('recallAtK is the share of relevant ids in the top k', () => {
    const results = [{ id: 'a' }, { id: 'x' }, { id: 'b' }, { id: 'c' }];
    expect(recallAtK(results, ['a', 'b'], 2)).toBe(0.5);
    expect(recallAtK(results, ['a', 'b'], 3)).toBe(1);
    expect(recallAtK(['x', 'y'], new Set(['a']), 2)).toBe(0);
    expect(() => recallAtK(results, [], 2)).toThrow(/no relevant ids/);
  });
});
