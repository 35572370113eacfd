import { describe, expect, it } from 'vitest';
import * as playgrad from '../../../src/lib/index';

describe("the 'playgrad' module", () => {
  it('exports the helpers lessons import', () => {
    for (const name of [
      'display',
      'md',
      'html',
      'table',
      'progress',
      'seed',
      'random',
      'randn',
      'randomInt',
      'shuffle',
      'toMimeBundle',
    ] as const) {
      expect(typeof playgrad[name], name).toBe('function');
    }
    for (const chart of ['line', 'scatter', 'bar', 'hist', 'heatmap', 'live'] as const) {
      expect(typeof playgrad.plot[chart], chart).toBe('function');
    }
    expect(playgrad.MIMEBUNDLE).toBe(Symbol.for('playgrad.mimebundle'));
    expect(typeof playgrad.datasets).toBe('object');
    for (const name of ['tokenize', 'countTokens', 'chunk', 'VectorIndex'] as const) {
      expect(typeof playgrad.text[name], name).toBe('function');
    }
  });
});
