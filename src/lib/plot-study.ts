/**
 * `plot.study`: a hyper-parameter search (`ml.search`) as Optuna's dashboard shows it. On
 * the left, the trial history: each trial's score (coloured by budget when successive
 * halving used several) and the best score so far; with halving the best-so-far line
 * restarts (after a gap) at each larger budget, because scores at different budgets are not comparable.
 * On the right, each parameter's importance (the study's own `importance`: its share of the
 * score variance, see src/lib/ml/search-importance.ts), largest on top.
 */
import { baseLayout, describe, plural, Plot, type PlotlyObject } from './plot-core';

/** What `ml.search` returns (only the parts drawn). */
export interface StudyData {
  trials: readonly { number: number; score: number; budget: number }[];
  direction?: 'maximize' | 'minimize';
  importance?: Readonly<Record<string, number>>;
}

export interface StudyOptions {
  title?: string;
  /** What the score is, e.g. 'validation AUC'. Default 'score'. */
  ylabel?: string;
  height?: number;
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

/**
 * @example
 * const study = await ml.search({ space, objective, trials: 40 })
 * plot.study(study, { ylabel: 'validation accuracy' })
 */
export function study(result: StudyData, options: StudyOptions = {}): Plot {
  const trials = result?.trials;
  if (!Array.isArray(trials) || trials.length === 0) {
    throw new TypeError('plot.study needs the result of ml.search (it has no trials)');
  }
  const minimize = result.direction === 'minimize';
  const budgets = [...new Set(trials.map((t) => t.budget))].sort((a, b) => a - b);
  const data: PlotlyObject[] = budgets.map((budget, i) => {
    const mine = trials.filter((t) => t.budget === budget);
    return {
      type: 'scatter',
      mode: 'markers',
      name: budgets.length > 1 ? `budget ${budget}` : 'trial',
      x: mine.map((t) => t.number),
      y: mine.map((t) => t.score),
      marker: { color: PALETTE[i % PALETTE.length], size: 7, opacity: 0.8 },
    };
  });
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: 'best so far',
    line: { color: '#d62728', shape: 'hv', width: 2 },
    ...bestSoFar(trials, minimize),
  });
  const importance = Object.entries(result.importance ?? {}).sort((a, b) => a[1] - b[1]);
  if (importance.length > 0) {
    data.push({
      type: 'bar',
      orientation: 'h',
      name: 'importance',
      x: importance.map(([, share]) => share),
      y: importance.map(([name]) => name),
      xaxis: 'x2',
      yaxis: 'y2',
      marker: { color: '#1f77b4' },
      showlegend: false,
    });
  }
  const withBars = importance.length > 0;
  const layout = baseLayout(
    {
      title: options.title,
      xlabel: 'trial',
      ylabel: options.ylabel ?? 'score',
      height: options.height,
    },
    {
      showlegend: true,
      legend: { orientation: 'h', y: -0.2 },
      xaxis: {
        domain: [0, withBars ? 0.6 : 1],
        title: { text: 'trial' },
        gridcolor: '#e5e5e5',
        zeroline: false,
      },
      ...(withBars
        ? {
            xaxis2: {
              domain: [0.72, 1],
              anchor: 'y2',
              range: [0, 1],
              title: { text: 'importance' },
            },
            yaxis2: { anchor: 'x2', automargin: true },
          }
        : {}),
    },
  );
  const best = bestTrial(trials, minimize);
  const details = `${plural(trials.length, 'trial')}, best ${Number(best.score.toPrecision(4))} (trial ${best.number})`;
  return new Plot(data, layout, describe('Study', options.title, details));
}

/** The running best; it restarts when the budget grows (halving's next round). */
function bestSoFar(trials: StudyData['trials'], minimize: boolean) {
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  let best = NaN;
  let budget = -Infinity;
  for (const trial of trials) {
    if (trial.budget > budget) {
      // A gap in the line: the next round's scores are on another footing.
      if (x.length > 0) {
        x.push(null);
        y.push(null);
      }
      budget = trial.budget;
      best = trial.score;
    } else if (minimize ? trial.score < best : trial.score > best) best = trial.score;
    x.push(trial.number);
    y.push(best);
  }
  return { x, y };
}

/** The best trial at the largest budget. */
function bestTrial(trials: StudyData['trials'], minimize: boolean) {
  const top = Math.max(...trials.map((t) => t.budget));
  return trials
    .filter((t) => t.budget === top)
    .reduce((a, b) => ((minimize ? b.score < a.score : b.score > a.score) ? b : a));
}
