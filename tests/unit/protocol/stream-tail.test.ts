import { describe, expect, test } from 'vitest';
import {
  appendToTail,
  countNewlines,
  emptyTail,
  trimTail,
} from '../../../src/protocol/stream-tail';

describe('trimTail', () => {
  test('keeps the last lines and counts the dropped ones', () => {
    const tail = { text: 'a\nb\nc\n', newlines: 3, dropped: 4 };
    expect(trimTail(tail, 2)).toEqual({ text: 'b\nc\n', newlines: 2, dropped: 5 });
  });

  test('an unfinished last line is kept beside the kept lines', () => {
    const tail = { text: 'a\nb\nc', newlines: 2, dropped: 0 };
    expect(trimTail(tail, 1)).toEqual({ text: 'b\nc', newlines: 1, dropped: 1 });
  });

  test('one enormous line keeps its end', () => {
    const tail = { text: 'x\n' + 'y'.repeat(30), newlines: 1, dropped: 0 };
    expect(trimTail(tail, 10, 10)).toEqual({ text: 'y'.repeat(10), newlines: 0, dropped: 1 });
  });

  test('text within the limits is returned as it is', () => {
    const tail = { text: 'a\n', newlines: 1, dropped: 0 };
    expect(trimTail(tail, 5)).toBe(tail);
  });
});

describe('appendToTail', () => {
  test('counts lines as chunks arrive and trims only past twice the limit', () => {
    let tail = emptyTail();
    for (let i = 0; i < 4; i++) tail = appendToTail(tail, `${i}\n`, 2);
    expect(tail).toEqual({ text: '0\n1\n2\n3\n', newlines: 4, dropped: 0 });
    tail = appendToTail(tail, '4\n', 2);
    expect(tail).toEqual({ text: '3\n4\n', newlines: 2, dropped: 3 });
  });

  test('a million lines cost one pass', () => {
    let tail = emptyTail();
    for (let i = 0; i < 1_000_000; i++) tail = appendToTail(tail, `line ${i}\n`, 5000);
    tail = trimTail(tail, 5000);
    expect(tail.newlines).toBe(5000);
    expect(tail.dropped).toBe(995_000);
    expect(countNewlines(tail.text)).toBe(5000);
    expect(tail.text.startsWith('line 995000\n')).toBe(true);
  });
});
