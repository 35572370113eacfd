/**
 * Shapley values checked by their defining properties and closed forms, where no outside
 * reference is needed: efficiency (they add up to prediction − mean background prediction),
 * a linear model's w_j·(x_j − mean_j), a product's split, and KernelSHAP against the exact
 * enumeration (identical when every coalition is enumerated, close when they are sampled).
 */
import { describe, expect, it } from 'vitest';
import { RandomForest } from '../../../src/lib/ml/forest';
import { DecisionTree } from '../../../src/lib/ml/tree';
import { shapley } from '../../../src/lib/ml/shapley';
import { iris } from './tree-data';
import { syntheticWide } from './load-fixtures';

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

describe('shapley', () => {
  const { X, y } = iris();
  const background = X.filter((_, i) => i % 5 === 0);

  it.each(['exact', 'kernel'] as const)(
    'adds up to prediction − baseline (%s, a forest)',
    (method) => {
      const forest = new RandomForest({ nTrees: 20, maxDepth: 4, seed: 1 }).fit(X, y);
      const rows = [X[0], X[60], X[120], X[77]];
      const result = shapley(forest, rows, { background, method, output: 2 });
      expect(result.method).toBe(method);
      const p = forest.predictProba(rows).map((row) => row[2]);
      const base = forest.predictProba(background).reduce((s, row) => s + row[2], 0) / 30;
      expect(result.baseline).toBeCloseTo(base, 12);
      result.values.forEach((values, i) => {
        expect(result.predictions[i]).toBeCloseTo(p[i], 12);
        expect(sum(values)).toBeCloseTo(p[i] - base, 10);
      });
    },
  );

  it('gives w_j·(x_j − mean_j) for a linear model, exactly and with KernelSHAP', () => {
    const w = Array.from({ length: 14 }, (_, j) => (j % 3) - 1 + j / 10);
    const model = (rows: number[][]) => rows.map((row) => 0.5 + sum(row.map((v, j) => v * w[j])));
    const data = syntheticWide(40, 14);
    const bg = data.slice(0, 25);
    const mean = w.map((_, j) => sum(bg.map((row) => row[j])) / bg.length);
    const rows = data.slice(30, 33);
    const kernel = shapley(model, rows, { background: bg, nSamples: 500 });
    expect(kernel.method).toBe('kernel');
    // Exact on the first 10 features (2^14 coalitions would be slow for a unit test).
    const model10 = (rows10: number[][]) =>
      rows10.map((row) => 0.5 + sum(row.map((v, j) => v * w[j])));
    const exact = shapley(
      model10,
      rows.map((row) => row.slice(0, 10)),
      { background: bg.map((row) => row.slice(0, 10)), method: 'exact' },
    );
    rows.forEach((row, i) =>
      w.forEach((wj, j) => {
        expect(kernel.values[i][j]).toBeCloseTo(wj * (row[j] - mean[j]), 8);
        if (j < 10) expect(exact.values[i][j]).toBeCloseTo(wj * (row[j] - mean[j]), 8);
      }),
    );
  });

  it('splits a product between its two factors: φ0 = ½(x0 − b0)(x1 + b1)', () => {
    const model = (rows: number[][]) => rows.map(([a, b]) => a * b);
    const { values } = shapley(model, [[3, 5]], { background: [[1, 2]] });
    expect(values[0][0]).toBeCloseTo(0.5 * (3 - 1) * (5 + 2), 12);
    expect(values[0][1]).toBeCloseTo(0.5 * (5 - 2) * (3 + 1), 12);
  });

  it('KernelSHAP equals the exact values when it enumerates every coalition', () => {
    const tree = new DecisionTree({ maxDepth: 4 }).fit(X, y);
    const rows = X.slice(45, 55);
    const exact = shapley(tree, rows, { background, method: 'exact', output: 1 });
    const kernel = shapley(tree, rows, { background, method: 'kernel', output: 1 });
    exact.values.forEach((values, i) =>
      values.forEach((v, j) => expect(kernel.values[i][j]).toBeCloseTo(v, 9)),
    );
  });

  it('KernelSHAP with sampled coalitions stays close to the exact values', () => {
    // 10 features with interactions: 1,022 coalitions, 400 of them sampled.
    const model = (rows: number[][]) =>
      rows.map(
        (r) =>
          r[0] * r[1] +
          Math.sin(3 * r[2]) +
          Math.max(r[3], r[4]) +
          r[5] * r[6] * r[7] +
          r[8] -
          r[9],
      );
    const data = syntheticWide(60, 10);
    const bg = data.slice(0, 30);
    const rows = data.slice(40, 46);
    const exact = shapley(model, rows, { background: bg, method: 'exact' });
    const kernel = shapley(model, rows, { background: bg, method: 'kernel', nSamples: 400 });
    let worst = 0;
    let scale = 0;
    exact.values.forEach((values, i) =>
      values.forEach((v, j) => {
        worst = Math.max(worst, Math.abs(kernel.values[i][j] - v));
        scale = Math.max(scale, Math.abs(v));
      }),
    );
    expect(worst).toBeLessThan(0.05 * scale);
    kernel.values.forEach((values, i) =>
      expect(sum(values)).toBeCloseTo(kernel.predictions[i] - kernel.baseline, 10),
    );
    expect(shapley(model, rows, { background: bg, method: 'kernel', nSamples: 400 })).toEqual(
      kernel,
    );
  });

  it('names what is wrong', () => {
    const tree = new DecisionTree({ maxDepth: 2 }).fit(X, y);
    expect(() => shapley(tree, [X[0]], { background })).toThrow(/3 classes: say which class/);
    expect(() => shapley(tree, [X[0]], {} as never)).toThrow(/needs options.background/);
    expect(() => shapley(tree, [X[0]], { background: [[1, 2]], output: 0 })).toThrow(
      /background has 2 features but X has 4/,
    );
    expect(() => shapley(tree, [[1, 2, 3, NaN]], { background, output: 0 })).toThrow(/X\[0\]\[3\]/);
    expect(() => shapley(tree, [X[0]], { background, output: 3 })).toThrow(/from 0 to 2/);
    expect(() => shapley(tree, [X[0]], { background: [], output: 0 })).toThrow(
      /background has no rows/,
    );
    const oneClass = new DecisionTree().fit(X.slice(0, 10), y.slice(0, 10));
    expect(() => shapley(oneClass, [X[0]], { background })).toThrow(/fitted on one class only/);
    const wide = [Array<number>(20).fill(0)];
    expect(() =>
      shapley((r) => r.map(() => 1), wide, { background: wide, method: 'exact' }),
    ).toThrow(/2\^20 coalitions per row: use method: 'kernel'/);
  });
});
