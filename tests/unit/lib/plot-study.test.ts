import { expect, test } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { plot, toMimeBundle } from '../../../src/lib/index';

type Trace = {
  name: string;
  type: string;
  x: (number | string | null)[];
  y: (number | string | null)[];
  xaxis?: string;
};

const trial = (number: number, score: number, budget = 1) => ({ number, score, budget });

test('plot.study shows every trial, the best so far and the parameter importance', () => {
  const chart = plot.study({
    trials: [trial(0, 0.5), trial(1, 0.7), trial(2, 0.6), trial(3, 0.8)],
    direction: 'maximize',
    importance: { depth: 0.2, lr: 0.8 },
  });
  const [points, best, bars] = chart.data as Trace[];
  expect(points.y).toEqual([0.5, 0.7, 0.6, 0.8]);
  expect(best.name).toBe('best so far');
  expect(best.y).toEqual([0.5, 0.7, 0.7, 0.8]);
  expect(bars.type).toBe('bar');
  expect(bars.xaxis).toBe('x2');
  expect(bars.y).toEqual(['depth', 'lr']); // largest on top (Plotly draws the last bar highest)
  expect(bars.x).toEqual([0.2, 0.8]);
  expect(toMimeBundle(chart)?.[MIME.text]).toBe('Study: 4 trials, best 0.8 (trial 3)');
});

test('plot.study colours halving budgets and restarts the best line at each budget', () => {
  const chart = plot.study({
    trials: [trial(0, 3), trial(1, 2), trial(2, 4), trial(3, 1.5, 3), trial(4, 1, 3)],
    direction: 'minimize',
  });
  const traces = chart.data as Trace[];
  expect(traces.map((t) => t.name)).toEqual(['budget 1', 'budget 3', 'best so far']);
  expect(traces[2].y).toEqual([3, 2, 2, null, 1.5, 1]);
  expect(toMimeBundle(chart)?.[MIME.text]).toBe('Study: 5 trials, best 1 (trial 4)');
});

test('plot.study names what is wrong', () => {
  expect(() => plot.study({ trials: [] })).toThrow(/result of ml.search/);
});
