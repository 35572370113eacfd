import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { InterruptedError } from '../../../src/lib/context';
import * as plot from '../../../src/lib/plot';
import { ofType, recordKernel } from './recording-context';

type Trace = { name: string; x: number[]; y: number[] };
const tracesIn = (data: Record<string, unknown>): Trace[] =>
  (data[MIME.plotly] as { data: Trace[] }).data;

describe('plot.live', () => {
  beforeEach(() => vi.useFakeTimers({ now: 5_000 }));
  afterEach(() => vi.useRealTimers());

  it('is displayed on creation with its named series, empty', () => {
    const { sent } = recordKernel();
    const chart = plot.live({ title: 'Loss', xlabel: 'step', series: ['train', 'test'] });
    const [shown] = ofType(sent, 'display');
    expect(shown.displayId).toBe(chart.id);
    expect(tracesIn(shown.data).map((t) => [t.name, t.y])).toEqual([
      ['train', []],
      ['test', []],
    ]);
  });

  it('appends one point per named series with x counting up, and collects values', () => {
    recordKernel();
    const chart = plot.live();
    chart.push({ loss: 0.9 });
    chart.push({ loss: 0.5, acc: 0.6 });
    chart.push({ x: 10, loss: 0.3 });
    chart.push({ loss: 0.2 });
    expect(chart.values).toEqual({ loss: [0.9, 0.5, 0.3, 0.2], acc: [0.6] });
    const [loss, acc] = chart.data as unknown as Trace[];
    expect(loss.x).toEqual([0, 1, 10, 11]);
    expect(acc.x).toEqual([1]);
  });

  it('throttles the page updates and always delivers the final state', () => {
    const { sent } = recordKernel();
    const chart = plot.live();
    for (let step = 0; step < 500; step++) chart.push({ loss: 1 / (step + 1) });
    expect(ofType(sent, 'update-display')).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    const updates = ofType(sent, 'update-display');
    expect(updates).toHaveLength(1);
    expect(tracesIn(updates[0].data)[0].y).toHaveLength(500);
    expect(updates[0].data[MIME.text]).toBe('Live plot: 1 series, 500 points');
  });

  it('stops the loop when the learner pressed Stop', () => {
    const { stop } = recordKernel();
    const chart = plot.live();
    chart.push({ loss: 1 });
    stop.pressed = true;
    expect(() => chart.push({ loss: 0.5 })).toThrow(InterruptedError);
    expect(chart.values.loss).toEqual([1]);
  });

  it('refuses values that are not numbers', () => {
    recordKernel();
    const chart = plot.live();
    expect(() => chart.push({ loss: '0.3' as unknown as number })).toThrow(/loss/);
  });
});
