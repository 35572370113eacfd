import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate, progressTimes } from '../../../src/ui/outputs/progress-times';

const bar = (value: number, max: number, elapsedMs?: number, postfix?: string) => ({
  kind: 'progress' as const,
  label: '',
  value,
  max,
  ...(elapsedMs === undefined ? {} : { elapsedMs }),
  ...(postfix === undefined ? {} : { postfix }),
});

describe('progress times (tqdm look)', () => {
  it('writes durations as mm:ss, and h:mm:ss from an hour', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(75_400)).toBe('01:15');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('writes rates as it/s, or s/it when slower than one a second', () => {
    expect(formatRate(3.049)).toBe('3.05it/s');
    expect(formatRate(0.4)).toBe('2.50s/it');
    expect(formatRate(0)).toBe('?it/s');
  });

  it('shows elapsed < time left, the rate and the postfix', () => {
    expect(progressTimes(bar(25, 100, 10_000, 'loss=0.231'))).toBe(
      '[00:10<00:30, 2.50it/s, loss=0.231]',
    );
    expect(progressTimes(bar(100, 100, 40_000))).toBe('[00:40<00:00, 2.50it/s]');
    expect(progressTimes(bar(0, 100, 0))).toBe('[00:00<?, ?it/s]');
  });

  it('leaves out the time left when the total is unknown, and everything for an old output', () => {
    expect(progressTimes(bar(30, 0, 10_000))).toBe('[00:10, 3.00it/s]');
    expect(progressTimes(bar(30, 100))).toBe('');
    expect(progressTimes(bar(30, 100, undefined, 'loss=1'))).toBe('[loss=1]');
  });
});
