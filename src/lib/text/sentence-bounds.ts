/**
 * Where the sentences of a text start, for chunking by sentences (chunk.ts).
 *
 * A sentence ends at . ! or ? (maybe followed by a closing quote or bracket) when
 * whitespace and then a capital letter, a digit or an opening quote follow — so "Ha!
 * thought I" stays one sentence — except after a common abbreviation ("Mr.", "Capt.") or
 * a single capital initial ("J. Smith"). A line break always ends a sentence: a heading
 * or a list item is a sentence of its own. Rule-based, like most splitters in RAG
 * libraries: it errs on abbreviations it does not know.
 *
 * @example
 * sentenceStarts('Call me Ishmael. Some years ago.')   // [0, 17]
 */

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st capt col gen lt sgt rev prof sr jr mt vs etc eg ie cf fig vol ch ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

// An end mark, optional closers, whitespace, then what may open a sentence.
const BOUNDARY = /([.!?])["'’”)\]]*(\s+)(?=[\p{Lu}\p{N}"'“‘(\[])/gu;

/** The offsets where sentences start: 0 first, each later one after the whitespace. */
export function sentenceStarts(doc: string): number[] {
  const starts = new Set<number>([0]);
  for (const match of doc.matchAll(BOUNDARY)) {
    const markAt = match.index;
    if (match[1] === '.' && isAbbreviation(doc, markAt)) continue;
    starts.add(markAt + match[0].length);
  }
  // Line breaks: the next line starts a sentence (after any blank lines).
  for (const match of doc.matchAll(/\n\s*(?=\S)/g)) starts.add(match.index + match[0].length);
  return [...starts].filter((at) => at < doc.length).sort((a, b) => a - b);
}

/** True when the full stop at `at` closes an abbreviation or an initial, not a sentence. */
function isAbbreviation(doc: string, at: number): boolean {
  const word = /[\p{L}.]+$/u.exec(doc.slice(Math.max(0, at - 12), at))?.[0] ?? '';
  const bare = word.replace(/\./g, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return true;
  // "J." but not "I." (the pronoun ends sentences often enough).
  return /^\p{Lu}$/u.test(word) && word !== 'I';
}
