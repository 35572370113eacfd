import { describe, expect, it } from 'vitest';
import { sentenceStarts } from '../../../src/lib/text/sentence-bounds';

function sentences(doc: string): string[] {
  const starts = sentenceStarts(doc);
  return starts.map((at, i) => doc.slice(at, starts[i + 1] ?? doc.length).trim());
}

describe('sentenceStarts', () => {
  it('splits after . ! ? before a capital, a digit or a quote', () => {
    expect(sentenceStarts('Call me Ishmael. Some years ago.')).toEqual([0, 17]);
    expect(sentences('Is it? Yes! "Go," he said. 3 boats.')).toEqual([
      'Is it?',
      'Yes!',
      '"Go," he said.',
      '3 boats.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(sentences('"I will have no man in my boat." Said Starbuck.')).toEqual([
      '"I will have no man in my boat."',
      'Said Starbuck.',
    ]);
  });

  it('does not split before a lower-case word, after an abbreviation or an initial', () => {
    expect(sentences('Ha! thought I. Mr. Stubb met Capt. Peleg and J. Smith.')).toEqual([
      'Ha! thought I.',
      'Mr. Stubb met Capt. Peleg and J. Smith.',
    ]);
  });

  it('ends a sentence at every line break, and starts after blank lines', () => {
    const doc = 'CHAPTER 1. Loomings\n\nCall me Ishmael.\nA list item';
    expect(sentences(doc)).toEqual(['CHAPTER 1.', 'Loomings', 'Call me Ishmael.', 'A list item']);
    expect(sentenceStarts('')).toEqual([]);
    expect(sentenceStarts('one')).toEqual([0]);
  });
});
