/**
 * The rule for how much of a stream (`console.log` text) a cell keeps: its last
 * STREAM_KEEP_LINES lines (and at most STREAM_KEEP_CHARS characters), with a count of the
 * lines dropped before them. Both sides apply it: the kernel to what it has not sent yet
 * (a loop printing a million lines sends one bounded message), the page to what it shows.
 *
 * Lines are counted incrementally (only the new chunk is scanned), and text is trimmed
 * only once it holds twice the limit, so appending stays linear in what arrives.
 */
export const STREAM_KEEP_LINES = 5000;
export const STREAM_KEEP_CHARS = 1_000_000;

export interface StreamTail {
  text: string;
  /** Newline characters in `text`. */
  newlines: number;
  /** Lines dropped from the front so far. */
  dropped: number;
}

export function emptyTail(): StreamTail {
  return { text: '', newlines: 0, dropped: 0 };
}

export function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    count += 1;
  }
  return count;
}

/** The tail with `chunk` appended; trims when it holds twice what is kept. */
export function appendToTail(
  tail: StreamTail,
  chunk: string,
  keepLines = STREAM_KEEP_LINES,
  keepChars = STREAM_KEEP_CHARS,
): StreamTail {
  const next: StreamTail = {
    text: tail.text + chunk,
    newlines: tail.newlines + countNewlines(chunk),
    dropped: tail.dropped,
  };
  if (next.newlines > 2 * keepLines || next.text.length > 2 * keepChars) {
    return trimTail(next, keepLines, keepChars);
  }
  return next;
}

/** Keeps the last `keepLines` complete lines (plus an unfinished one) within `keepChars`. */
export function trimTail(
  tail: StreamTail,
  keepLines = STREAM_KEEP_LINES,
  keepChars = STREAM_KEEP_CHARS,
): StreamTail {
  const { text } = tail;
  let cut = 0;
  if (tail.newlines > keepLines) {
    // Walk back from the end over the kept lines: the cost is what is kept, not dropped.
    let index = text.length;
    for (let seen = 0; seen <= keepLines; seen++) {
      index = text.lastIndexOf('\n', index - 1);
    }
    // `index` is the (keepLines+1)-th newline from the end: the one ending the last
    // dropped line (an unfinished last line has no newline and is always kept).
    cut = index + 1;
  }
  if (text.length - cut > keepChars) {
    // One enormous line: keep its end; whole lines before the cut count as dropped.
    cut = text.length - keepChars;
  }
  if (cut === 0) return tail;
  const removed = countNewlines(text.slice(0, cut));
  return {
    text: text.slice(cut),
    newlines: tail.newlines - removed,
    dropped: tail.dropped + removed,
  };
}
