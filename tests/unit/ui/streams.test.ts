import { describe, expect, it } from 'vitest';
import { previewText } from '../../../src/ui/outputs/streams';

describe('previewText', () => {
  it('keeps short text whole', () => {
    expect(previewText('a\nb\n', 5)).toEqual({ text: 'a\nb\n', truncated: false, totalLines: 2 });
  });

  it('cuts long text to its first lines', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const preview = previewText(text, 3);
    expect(preview).toEqual({ text: 'line 0\nline 1\nline 2', truncated: true, totalLines: 100 });
  });

  it('cuts a single very long line by characters', () => {
    const preview = previewText('x'.repeat(50), 10, 20);
    expect(preview.text).toBe('x'.repeat(20) + '…');
    expect(preview.truncated).toBe(true);
  });

  it('counts lines from the count it is given, scanning only the head', () => {
    const text = 'a\nb\nc\nd\n';
    expect(previewText(text, 2, 100, 4)).toEqual({ text: 'a\nb', truncated: true, totalLines: 4 });
    // An unfinished last line counts as a line.
    expect(previewText('a\nb', 5, 100, 1).totalLines).toBe(2);
  });
});
