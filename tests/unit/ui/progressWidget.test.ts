import { describe, expect, it } from 'vitest';
import { isProgressWidget, progressPercent } from '../../../src/ui/outputs/widget';

describe('isProgressWidget', () => {
  it('accepts a progress widget and rejects other kinds', () => {
    expect(isProgressWidget({ kind: 'progress', label: 'epochs', value: 37, max: 100 })).toBe(true);
    expect(isProgressWidget({ kind: 'slider', value: 1, max: 2 })).toBe(false);
    expect(isProgressWidget({ kind: 'progress', value: '37', max: 100 })).toBe(false);
  });
});

describe('progressPercent', () => {
  const bar = (value: number, max: number) => ({
    kind: 'progress' as const,
    label: '',
    value,
    max,
  });
  it('rounds and clamps', () => {
    expect(progressPercent(bar(37, 100))).toBe(37);
    expect(progressPercent(bar(1, 3))).toBe(33);
    expect(progressPercent(bar(150, 100))).toBe(100);
    expect(progressPercent(bar(5, 0))).toBe(0);
  });
});
