import { describe, expect, it } from 'vitest';
import { progressPercent } from '../../../src/ui/outputs/widget';

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
