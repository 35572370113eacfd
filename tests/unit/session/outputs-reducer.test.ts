import { describe, expect, test } from 'vitest';
import { cellId, MIME } from '../../../src/protocol/messages';
import type { CellOutput } from '../../../src/notebook/outputs';
import {
  appendOutput,
  appendStream,
  MAX_OUTPUTS,
  progressBundle,
  replaceDisplay,
} from '../../../src/ui/session/outputs-reducer';
import { STREAM_KEEP_LINES } from '../../../src/protocol/stream-tail';

describe('appendStream', () => {
  test('merges consecutive chunks of the same stream only, counting their lines', () => {
    const outputs: CellOutput[] = [];
    appendStream(outputs, 'stdout', 'a');
    appendStream(outputs, 'stdout', 'b\n');
    appendStream(outputs, 'stderr', 'oops\n');
    appendStream(outputs, 'stdout', 'c');
    expect(outputs).toEqual([
      { type: 'stream', name: 'stdout', text: 'ab\n', newlines: 1 },
      { type: 'stream', name: 'stderr', text: 'oops\n', newlines: 1 },
      { type: 'stream', name: 'stdout', text: 'c', newlines: 0 },
    ]);
  });

  test('a flood keeps its last lines and counts the rest', () => {
    const outputs: CellOutput[] = [];
    for (let chunk = 0; chunk < 100; chunk++) {
      const lines = Array.from({ length: 1000 }, (_, i) => `line ${chunk * 1000 + i}\n`);
      appendStream(outputs, 'stdout', lines.join(''));
    }
    expect(outputs).toHaveLength(1);
    const [stream] = outputs;
    expect(stream).toMatchObject({ newlines: STREAM_KEEP_LINES, dropped: 100_000 - 5000 });
    expect(stream.type === 'stream' && stream.text.startsWith('line 95000\n')).toBe(true);
    expect(stream.type === 'stream' && stream.text.endsWith('line 99999\n')).toBe(true);
  });

  test('lines the kernel dropped replace what was shown', () => {
    const outputs: CellOutput[] = [{ type: 'stream', name: 'stdout', text: 'a\nb\n' }];
    appendStream(outputs, 'stdout', 'y\nz\n', 7);
    expect(outputs).toEqual([
      { type: 'stream', name: 'stdout', text: 'y\nz\n', newlines: 2, dropped: 9 },
    ]);
  });
});

describe('appendOutput', () => {
  test('keeps the first MAX_OUTPUTS outputs and counts the rest in one notice', () => {
    const outputs: CellOutput[] = [];
    for (let i = 0; i < MAX_OUTPUTS + 5; i++) {
      appendOutput(outputs, { type: 'result', data: { [MIME.text]: String(i) } });
    }
    expect(outputs).toHaveLength(MAX_OUTPUTS + 1);
    expect(outputs[MAX_OUTPUTS - 1]).toEqual({ type: 'result', data: { [MIME.text]: '999' } });
    expect(outputs[MAX_OUTPUTS]).toMatchObject({
      type: 'display',
      data: {
        [MIME.text]:
          'Output truncated: 5 more outputs were not kept (a cell keeps its first 1000).',
      },
    });
  });
});

describe('replaceDisplay', () => {
  test('replaces the display with that id and leaves the rest', () => {
    const outputs: CellOutput[] = [
      { type: 'display', displayId: 'd1', data: { [MIME.text]: 'old' } },
      { type: 'result', data: { [MIME.text]: '1' } },
    ];
    const second = outputs[1];
    expect(replaceDisplay(outputs, 'd1', { [MIME.text]: 'new' })).toBe(true);
    expect(outputs[0]).toEqual({ type: 'display', displayId: 'd1', data: { [MIME.text]: 'new' } });
    expect(outputs[1]).toBe(second);
  });

  test('returns false when no output has that id', () => {
    expect(replaceDisplay([], 'd9', {})).toBe(false);
  });
});

describe('progressBundle', () => {
  test('keeps the bar as a widget with a text fallback', () => {
    const bundle = progressBundle({
      type: 'progress',
      cellId: cellId('train'),
      displayId: 'p1',
      label: 'epochs',
      value: 25,
      max: 100,
    });
    expect(bundle).toEqual({
      [MIME.widget]: { kind: 'progress', label: 'epochs', value: 25, max: 100 },
      [MIME.text]: 'epochs 25/100 (25%)',
    });
  });

  test('adds tqdm-style times and the postfix when the kernel measured them', () => {
    const bundle = progressBundle({
      type: 'progress',
      cellId: cellId('train'),
      displayId: 'p1',
      label: 'epochs',
      value: 25,
      max: 100,
      elapsedMs: 10_000,
      postfix: 'loss=0.231',
    });
    expect(bundle[MIME.text]).toBe('epochs 25/100 (25%) [00:10<00:30, 2.50it/s, loss=0.231]');
    expect(bundle[MIME.widget]).toMatchObject({ elapsedMs: 10_000, postfix: 'loss=0.231' });
  });
});
