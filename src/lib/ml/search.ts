/**
 * `ml.search`: hyper-parameter search. 'random' draws `trials` settings from the space and
 * scores each once (Bergstra & Bengio 2012: better than a grid when few parameters
 * matter). 'halving' is successive halving (Jamieson & Talwalkar 2016, scikit-learn's
 * HalvingRandomSearchCV): all `trials` settings get a small budget (epochs, trees, rows —
 * whatever the objective reads it as), only the best ⌈n / eta⌉ go on to eta times the
 * budget, and so on until one is left or maxBudget is reached. `best` is the best trial of
 * the last (largest-budget) round, since scores at different budgets are not comparable.
 *
 * The objective may be async (train a tfjs model, await it), so `search` always returns a
 * promise. Between trials it lets the kernel read its messages now and then, so Stop ends
 * a long search cleanly. Draws are seeded: the same seed gives the same settings in the
 * same order.
 */
import { throwIfInterrupted } from '../context';
import { nextMacrotask } from '../next-macrotask';
import { YIELD_EVERY_MS } from '../progress';
import { createRng } from './rng';
import { parameterImportance } from './search-importance';
import { checkSpace, sample, type Params, type SearchSpace } from './search-space';

export type { Choice, Params, SearchParam, SearchSpace } from './search-space';

export interface SearchOptions {
  space: SearchSpace;
  /** Scores one setting; with 'halving' it also gets the budget to spend. */
  objective: (params: Params, budget: number) => number | Promise<number>;
  /** Settings drawn. Default 20. */
  trials?: number;
  strategy?: 'random' | 'halving';
  /** Default 'maximize' (accuracy, AUC); 'minimize' for a loss or an error. */
  direction?: 'maximize' | 'minimize';
  seed?: number;
  /** Halving: keep the top 1/eta each round, and multiply the budget by eta. Default 3. */
  eta?: number;
  /** Halving: the first round's budget (default 1); random search's budget is maxBudget ?? this. */
  minBudget?: number;
  /** Halving: the budget never goes above this. Default: no cap. */
  maxBudget?: number;
  /** Called after each trial, e.g. to update a live plot. */
  onTrial?: (trial: Trial) => void;
}

export interface Trial {
  /** 0, 1, … in the order the trials ran. */
  number: number;
  /** Which drawn setting this is (with 'halving' one setting runs in several rounds). */
  config: number;
  params: Params;
  score: number;
  budget: number;
  /** Halving round (0 for random search). */
  round: number;
  /** Wall time the objective took. */
  ms: number;
}

export interface Study {
  trials: Trial[];
  best: Trial;
  direction: 'maximize' | 'minimize';
  strategy: 'random' | 'halving';
  /** Each parameter's share of the score variance (./search-importance.ts), summing to 1. */
  importance: Record<string, number>;
}

/**
 * @example
 * const study = await ml.search({
 *   space: { maxDepth: { type: 'int', low: 1, high: 10 }, nTrees: { type: 'choice', values: [20, 50, 100] } },
 *   objective: (p) => new ml.RandomForest(p).fit(Xtrain, ytrain).score(Xval, yval),
 *   trials: 30,
 * })
 * study.best.params
 * plot.study(study)
 */
export async function search(options: SearchOptions): Promise<Study> {
  const { space, objective } = options;
  checkSpace(space);
  if (typeof objective !== 'function') {
    throw new TypeError('objective must be a function (params, budget) => score');
  }
  const n = options.trials ?? 20;
  const strategy = options.strategy ?? 'random';
  const direction = options.direction ?? 'maximize';
  const eta = options.eta ?? 3;
  const minBudget = options.minBudget ?? 1;
  const maxBudget = options.maxBudget ?? Infinity;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`trials must be a whole number >= 1, got ${n}`);
  if (strategy !== 'random' && strategy !== 'halving') {
    throw new RangeError(`strategy must be 'random' or 'halving', got ${String(strategy)}`);
  }
  if (direction !== 'maximize' && direction !== 'minimize') {
    throw new RangeError(`direction must be 'maximize' or 'minimize', got ${String(direction)}`);
  }
  if (!(eta > 1)) throw new RangeError(`eta must be above 1, got ${eta}`);
  if (!(minBudget > 0) || !(maxBudget >= minBudget)) {
    throw new RangeError(
      `budgets must satisfy 0 < minBudget <= maxBudget, got ${minBudget} and ${maxBudget}`,
    );
  }
  const rng = createRng(options.seed ?? 0);
  const configs = Array.from({ length: n }, () => sample(space, rng));
  const better = (a: Trial, b: Trial) =>
    direction === 'maximize' ? b.score - a.score : a.score - b.score;
  const trials: Trial[] = [];
  let lastYield = performance.now();
  const run = async (config: number, budget: number, round: number): Promise<Trial> => {
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await nextMacrotask();
      lastYield = performance.now();
    }
    throwIfInterrupted();
    const params = { ...configs[config] };
    const started = performance.now();
    const score = await objective(params, budget);
    const ms = performance.now() - started;
    if (typeof score !== 'number' || Number.isNaN(score)) {
      throw new TypeError(
        `the objective returned ${String(score)} for trial ${trials.length} ` +
          `(${JSON.stringify(params)}): it must return a number`,
      );
    }
    const trial: Trial = { number: trials.length, config, params, score, budget, round, ms };
    trials.push(trial);
    options.onTrial?.(trial);
    return trial;
  };

  let finalRound: Trial[] = [];
  if (strategy === 'random') {
    const budget = Number.isFinite(maxBudget) ? maxBudget : minBudget;
    for (let c = 0; c < n; c++) finalRound.push(await run(c, budget, 0));
  } else {
    let survivors = configs.map((_, c) => c);
    let budget = minBudget;
    for (let round = 0; ; round++) {
      finalRound = [];
      for (const c of survivors) finalRound.push(await run(c, budget, round));
      if (survivors.length === 1 || budget >= maxBudget) break;
      const keep = Math.ceil(survivors.length / eta);
      survivors = [...finalRound]
        .sort(better)
        .slice(0, keep)
        .map((trial) => trial.config);
      budget = Math.min(budget * eta, maxBudget);
    }
  }
  const best = [...finalRound].sort(better)[0];
  // Importance from the first round: every setting, all at the same budget.
  const importance = parameterImportance(
    space,
    trials.filter((trial) => trial.round === 0),
  );
  return { trials, best, direction, strategy, importance };
}
