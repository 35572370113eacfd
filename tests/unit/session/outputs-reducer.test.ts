import { describe, expect, test } from 'vitest';
import { cellId, MIME } from '../../../src/protocol/messages';
import type { CellOutput } from '../../../src/notebook/outputs';
import {
  appendStream,
  progressBundle,
  replaceDisplay,
} from '../../../src/ui/session/outputs-reducer';

describe('appendStream', () => {
  test('merges consecutive chunks of the same stream only', () => {
    let outputs: CellOutput[] = [];
    outputs = appendStream(outputs, 'stdout', 'a');
    outputs = appendStream(outputs, 'stdout', 'b\n');
    outputs = appendStream(outputs, 'stderr', 'oops\n');
    outputs = appendStream(outputs, 'stdout', 'c');
    expect(outputs).toEqual([
      { type: 'stream', name: 'stdout', text: 'ab\n' },
      { type: 'stream', name: 'stderr', text: 'oops\n' },
      { type: 'stream', name: 'stdout', text: 'c' },
    ]);
  });
});

describe('replaceDisplay', () => {
  test('replaces the display with that id and leaves the rest', () => {
    const outputs: CellOutput[] = [
      { type: 'display', displayId: 'd1', data: { [MIME.text]: 'old' } },
      { type: 'result', data: { [MIME.text]: '1' } },
    ];
    const next = replaceDisplay(outputs, 'd1', { [MIME.text]: 'new' });
    expect(next?.[0]).toEqual({ type: 'display', displayId: 'd1', data: { [MIME.text]: 'new' } });
    expect(next?.[1]).toBe(outputs[1]);
    expect(outputs[0]).toMatchObject({ data: { [MIME.text]: 'old' } });
  });

  test('returns undefined when no output has that id', () => {
    expect(replaceDisplay([], 'd9', {})).toBeUndefined();
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
});
