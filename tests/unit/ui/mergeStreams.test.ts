import { describe, expect, it } from 'vitest';
import { mergeStreams, previewText } from '../../../src/ui/outputs/streams';
import type { CellOutput } from '../../../src/notebook/outputs';

describe('mergeStreams', () => {
  it('joins adjacent chunks of the same stream and keeps everything else in order', () => {
    const outputs: CellOutput[] = [
      { type: 'stream', name: 'stdout', text: 'epoch 1\n' },
      { type: 'stream', name: 'stdout', text: 'epoch 2\n' },
      { type: 'stream', name: 'stderr', text: 'warning\n' },
      { type: 'stream', name: 'stdout', text: 'epoch 3\n' },
      { type: 'result', data: { 'text/plain': '3' } },
      { type: 'stream', name: 'stdout', text: 'done\n' },
    ];
    expect(mergeStreams(outputs)).toEqual([
      { type: 'stream', name: 'stdout', text: 'epoch 1\nepoch 2\n' },
      { type: 'stream', name: 'stderr', text: 'warning\n' },
      { type: 'stream', name: 'stdout', text: 'epoch 3\n' },
      { type: 'result', data: { 'text/plain': '3' } },
      { type: 'stream', name: 'stdout', text: 'done\n' },
    ]);
  });

  it('does not modify its input', () => {
    const first: CellOutput = { type: 'stream', name: 'stdout', text: 'a' };
    mergeStreams([first, { type: 'stream', name: 'stdout', text: 'b' }]);
    expect(first).toEqual({ type: 'stream', name: 'stdout', text: 'a' });
  });
});

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
});
