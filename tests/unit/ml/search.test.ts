import { afterEach, describe, expect, it } from 'vitest';
import { setKernelContext } from '../../../src/lib/context';
import { recordKernel } from '../lib/recording-context';
import { search, type Study } from '../../../src/lib/ml/search';
import type { Params } from '../../../src/lib/ml/search-space';

/** A known function: best at x = 0.3, lr = 1e-2, kind 'b'; depth does not matter. */
function quality(p: Params): number {
  const x = p.x as number;
  const lr = p.lr as number;
  return -((x - 0.3) ** 2) - 0.1 * (Math.log10(lr) + 2) ** 2 - (p.kind === 'b' ? 0 : 0.05);
}
const space = {
  x: { type: 'float', low: 0, high: 1 },
  lr: { type: 'log', low: 1e-4, high: 1 },
  depth: { type: 'int', low: 1, high: 8 },
  kind: { type: 'choice', values: ['a', 'b', 'c'] },
} as const;

const withoutTimes = (study: Study) => study.trials.map(({ ms: _ms, ...rest }) => rest);

describe('search, random', () => {
  it('is deterministic for a seed, and another seed draws other settings', async () => {
    const a = await search({ space, objective: quality, trials: 15, seed: 1 });
    const b = await search({ space, objective: quality, trials: 15, seed: 1 });
    const c = await search({ space, objective: quality, trials: 15, seed: 2 });
    expect(withoutTimes(b)).toEqual(withoutTimes(a));
    expect(withoutTimes(c)).not.toEqual(withoutTimes(a));
  });

  it('draws within the ranges, ints on their grid, log draws spread over the decades', async () => {
    const study = await search({
      space: { ...space, step: { type: 'int', low: 10, high: 50, step: 10 } },
      objective: quality,
      trials: 400,
    });
    const values = (name: string) => study.trials.map((t) => t.params[name] as number);
    expect(values('x').every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(values('depth'))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(new Set(values('step'))).toEqual(new Set([10, 20, 30, 40, 50]));
    const belowMilli = values('lr').filter((lr) => lr < 1e-3).length / 400;
    expect(belowMilli).toBeGreaterThan(0.17); // a quarter of the log range, not 0.1 %
    expect(belowMilli).toBeLessThan(0.33);
  });

  it('finds the optimum of a known function', async () => {
    const study = await search({ space, objective: quality, trials: 300, seed: 0 });
    expect(study.trials).toHaveLength(300);
    expect(study.best.score).toBe(Math.max(...study.trials.map((t) => t.score)));
    expect(study.best.params.x as number).toBeCloseTo(0.3, 1);
    expect(Math.log10(study.best.params.lr as number)).toBeCloseTo(-2, 0);
    expect(study.best.params.kind).toBe('b');
  });

  it('ranks parameter importance: x and lr matter, depth does not', async () => {
    const study = await search({ space, objective: quality, trials: 200 });
    const { x, lr, depth, kind } = study.importance;
    expect(x + lr + depth + kind).toBeCloseTo(1, 12);
    expect(x).toBeGreaterThan(depth * 5);
    expect(lr).toBeGreaterThan(depth * 5);
  });

  it('minimizes on request, and awaits an async objective', async () => {
    const study = await search({
      space: { x: { type: 'float', low: -1, high: 1 } },
      objective: async (p) => Promise.resolve(Math.abs(p.x as number)),
      direction: 'minimize',
      trials: 50,
    });
    expect(study.best.score).toBe(Math.min(...study.trials.map((t) => t.score)));
    expect(study.best.score).toBeLessThan(0.1);
  });
});

describe('search, successive halving', () => {
  it('keeps the top 1/eta each round and multiplies the budget by eta', async () => {
    const seen: number[] = [];
    const study = await search({
      space,
      objective: (p, budget) => quality(p) + 0.001 * budget,
      trials: 27,
      strategy: 'halving',
      eta: 3,
      onTrial: (trial) => seen.push(trial.number),
    });
    const rounds = [0, 1, 2, 3].map((r) => study.trials.filter((t) => t.round === r));
    expect(rounds.map((r) => r.length)).toEqual([27, 9, 3, 1]);
    expect(rounds.map((r) => r[0].budget)).toEqual([1, 3, 9, 27]);
    expect(study.trials).toHaveLength(40);
    expect(seen).toEqual(study.trials.map((t) => t.number));
    for (let r = 1; r < 4; r++) {
      const previous = [...rounds[r - 1]].sort((a, b) => b.score - a.score);
      const kept = previous.slice(0, rounds[r].length).map((t) => t.config);
      expect(rounds[r].map((t) => t.config).sort()).toEqual(kept.sort());
    }
    expect(study.best).toBe(rounds[3][0]);
    expect(study.best.config).toBe([...rounds[0]].sort((a, b) => b.score - a.score)[0].config);
  });

  it('rounds the survivors up, as scikit-learn does: 10 → 4 → 2 → 1', async () => {
    const study = await search({ space, objective: quality, trials: 10, strategy: 'halving' });
    const sizes = [0, 1, 2, 3].map((r) => study.trials.filter((t) => t.round === r).length);
    expect(sizes).toEqual([10, 4, 2, 1]);
  });

  it('stops at maxBudget, and finds the optimum when small budgets are noisy', async () => {
    // The score is the true quality plus noise that shrinks as the budget grows.
    const noisy = (p: Params, budget: number) =>
      quality(p) + (0.02 * Math.sin(1000 * (p.x as number) * budget)) / budget;
    const study = await search({
      space,
      objective: noisy,
      trials: 81,
      strategy: 'halving',
      maxBudget: 9,
      seed: 3,
    });
    expect(Math.max(...study.trials.map((t) => t.budget))).toBe(9);
    expect(study.trials.filter((t) => t.budget === 9)).toHaveLength(9); // 81 → 27 → 9
    expect(study.best.budget).toBe(9);
    // The setting kept is among the 3 truly best of the 81 drawn, despite the noise.
    const truth = study.trials.filter((t) => t.round === 0).map((t) => quality(t.params));
    const third = [...truth].sort((a, b) => b - a)[2];
    expect(quality(study.best.params)).toBeGreaterThanOrEqual(third);
  });
});

describe('search and Stop', () => {
  afterEach(() => setKernelContext(undefined));

  it('ends between trials when the learner presses Stop, even with a blocking objective', async () => {
    const kernel = recordKernel();
    let ran = 0;
    const slow = (p: Params) => {
      ran += 1;
      if (ran === 3) kernel.stop.pressed = true;
      const until = performance.now() + 30; // a blocking objective: longer than a yield period
      while (performance.now() < until);
      return quality(p);
    };
    await expect(search({ space, objective: slow, trials: 50 })).rejects.toThrow(
      /Stopped by the learner/,
    );
    expect(ran).toBe(3);
  });
});

describe('search input', () => {
  const objective = () => 0;
  it('names what is wrong', async () => {
    await expect(search({ space: {}, objective })).rejects.toThrow(/at least one parameter/);
    await expect(search({ space: { a: { type: 'uniform' } } as never, objective })).rejects.toThrow(
      /space.a: type must be 'int', 'float', 'log' or 'choice'/,
    );
    await expect(
      search({ space: { a: { type: 'log', low: 0, high: 1 } }, objective }),
    ).rejects.toThrow(/space.a: a log range needs low > 0/);
    await expect(
      search({ space: { a: { type: 'float', low: 2, high: 1 } }, objective }),
    ).rejects.toThrow(/space.a: low \(2\) is above high \(1\)/);
    await expect(
      search({ space: { a: { type: 'choice', values: [] } }, objective }),
    ).rejects.toThrow(/space.a: a choice needs a non-empty values list/);
    await expect(
      search({ space: { a: { type: 'float', low: 0, high: 1 } }, objective: () => NaN }),
    ).rejects.toThrow(/the objective returned NaN for trial 0/);
    await expect(search({ space, objective: () => 'good' as unknown as number })).rejects.toThrow(
      /returned good for trial 0/,
    );
    await expect(search({ space, objective, trials: 0 })).rejects.toThrow(/trials must be/);
    await expect(search({ space, objective, eta: 1 })).rejects.toThrow(/eta must be above 1/);
  });
});
