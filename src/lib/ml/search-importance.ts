/**
 * Which parameters mattered in a study: for each parameter, the share of the variance of
 * the scores its value explains on its own (a one-way ANOVA main effect, the first-order
 * term that Optuna's default fANOVA evaluator estimates through a random-forest surrogate;
 * here it is read straight from the trials). Choices (and numbers with few distinct values)
 * group by value; other numbers group into up to MAX_GROUPS equal-count bins by rank (for 'log' too, as rank ignores the scale). The
 * shares are normalised to sum to 1. With few trials, noise alone gives a parameter some
 * share: read small differences as ties.
 */
import type { Params, SearchSpace } from './search-space';

export const MAX_GROUPS = 5;

export function parameterImportance(
  space: SearchSpace,
  trials: readonly { params: Params; score: number }[],
): Record<string, number> {
  const names = Object.keys(space);
  const scores = trials.map((trial) => trial.score);
  const mean = scores.reduce((s, v) => s + v, 0) / Math.max(1, scores.length);
  const total = scores.reduce((s, v) => s + (v - mean) ** 2, 0);
  const explained = names.map((name) => {
    if (total === 0) return 0;
    const groups = groupOf(
      space[name].type === 'choice',
      trials.map((t) => t.params[name]),
    );
    const sums = new Map<number, { sum: number; count: number }>();
    groups.forEach((group, i) => {
      const entry = sums.get(group) ?? { sum: 0, count: 0 };
      entry.sum += scores[i];
      entry.count += 1;
      sums.set(group, entry);
    });
    let between = 0;
    for (const { sum, count } of sums.values()) between += count * (sum / count - mean) ** 2;
    return between / total;
  });
  const sum = explained.reduce((s, v) => s + v, 0);
  return Object.fromEntries(names.map((name, i) => [name, sum > 0 ? explained[i] / sum : 0]));
}

/** A group number per trial: the value's index for choices, an equal-count rank bin for numbers. */
function groupOf(isChoice: boolean, values: readonly unknown[]): number[] {
  // Few distinct numbers (a small int range) group by value too, so equal values never split.
  if (isChoice || new Set(values).size <= MAX_GROUPS) {
    const seen = new Map<unknown, number>();
    return values.map((value) => {
      if (!seen.has(value)) seen.set(value, seen.size);
      return seen.get(value) as number;
    });
  }
  const n = values.length;
  const groups = Math.max(1, Math.min(MAX_GROUPS, Math.floor(n / 3)));
  const order = values
    .map((value, i) => ({ value: value as number, i }))
    .sort((a, b) => a.value - b.value);
  const result = new Array<number>(n);
  order.forEach(({ i }, rank) => (result[i] = Math.floor((rank * groups) / n)));
  return result;
}
