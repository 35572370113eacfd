import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { pca } from '../../../src/lib/ml/pca';
import { loadDigits, loadIris, syntheticWide } from './load-fixtures';

/** Components are defined up to sign: compare |a·b| of unit vectors with 1. */
function expectSameDirection(actual: number[], expected: number[], digits = 6): void {
  const dot = actual.reduce((sum, value, i) => sum + value * expected[i], 0);
  const norm = Math.sqrt(expected.reduce((sum, value) => sum + value * value, 0));
  expect(Math.abs(dot) / norm).toBeCloseTo(1, digits);
}

// Expected values: scikit-learn 1.2.1 `PCA(k, svd_solver='full')` (Debian python3-sklearn).
// 'full' matters: sklearn's default picks its approximate randomized solver for digits.
describe('pca', () => {
  it('matches scikit-learn on iris (unscaled)', () => {
    const { X } = loadIris();
    const p = pca(X);
    const ratio = [
      0.9246187232017271, 0.05306648311706782, 0.017102609807929763, 0.005212183873275374,
    ];
    const variance = [
      4.228241706034864, 0.24267074792863336, 0.07820950004291938, 0.023835092973449434,
    ];
    p.explainedVarianceRatio.forEach((value, i) => expect(value).toBeCloseTo(ratio[i], 12));
    p.explainedVariance.forEach((value, i) => expect(value).toBeCloseTo(variance[i], 12));
    expectSameDirection(
      p.components[0],
      [0.36138659178536864, -0.08452251406456868, 0.8566706059498349, 0.3582891971515507],
      12,
    );
    expectSameDirection(
      p.components[1],
      [0.6565887712868423, 0.7301614347850266, -0.17337266279585706, -0.07548101991746337],
      12,
    );
    // sklearn's transform of the first flower: [-2.6841, 0.3194, -0.0279, -0.0023] up to signs.
    const row = p.transform([X[0]])[0];
    [2.6841256259695365, 0.31939724658510055, 0.027914827589414104, 0.002262437071317347].forEach(
      (value, i) => expect(Math.abs(row[i])).toBeCloseTo(value, 10),
    );
  });

  it('matches scikit-learn on the 8×8 digits (top 10)', () => {
    const { X } = loadDigits();
    const p = pca(X, 10);
    const ratio = [
      0.14890593584063846, 0.13618771239635463, 0.11794593763975782, 0.08409979421009191,
      0.05782414664005522, 0.049169103171239986, 0.04315987010825789, 0.03661372577084055,
      0.03353248097967125, 0.03078806208904543,
    ];
    p.explainedVarianceRatio.forEach((value, i) => expect(value).toBeCloseTo(ratio[i], 10));
    expect(p.explainedVariance[0]).toBeCloseTo(179.00693009797206, 8);
    expect(p.components).toHaveLength(10);
    expect(p.components[0]).toHaveLength(64);
    const first8 = [
      0, -0.017309465109545785, -0.2234288346592036, -0.13591330431606613, -0.03303230924395312,
      -0.096634084370843, -0.008329438045199922, 0.002269000816703004,
    ];
    const sign = Math.sign(p.components[0][2]) === Math.sign(first8[2]) ? 1 : -1;
    first8.forEach((value, j) => expect(sign * p.components[0][j]).toBeCloseTo(value, 8));
  });

  it('finds the top components of wide data by subspace iteration on tfjs', () => {
    // 600 × 300 takes the large-data path (tfjs covariance, top-k iteration). Reference:
    // numpy/sklearn 'full' on the same formula (tests/unit/ml/load-fixtures.ts).
    const p = pca(syntheticWide(600, 300), 10);
    const ratio = [
      0.2650415718160399, 0.2478622858848303, 0.12784478094534552, 0.11981959785627237,
      0.06247282555778549, 0.06000569743759311, 0.03020453996358765, 0.029845178418873894,
      0.014671346208664724, 0.014553731066990911,
    ];
    p.explainedVarianceRatio.forEach((value, i) => expect(value).toBeCloseTo(ratio[i], 6));
    const first4 = [
      -0.0288438254555871, -0.033869617271625296, -0.03823075479488017, -0.041423653096663904,
    ];
    const sign = Math.sign(p.components[0][0]) === Math.sign(first4[0]) ? 1 : -1;
    first4.forEach((value, j) => expect(sign * p.components[0][j]).toBeCloseTo(value, 5));
    // Orthonormal rows.
    const dot = (a: number[], b: number[]): number => a.reduce((s, v, i) => s + v * b[i], 0);
    expect(dot(p.components[9], p.components[9])).toBeCloseTo(1, 9);
    expect(dot(p.components[0], p.components[9])).toBeCloseTo(0, 9);
  }, 30_000);

  it('makes the largest entry of each component positive and reconstructs exactly with all', () => {
    const { X } = loadIris();
    const p = pca(X);
    for (const component of p.components) {
      const largest = component.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
      expect(largest).toBeGreaterThan(0);
    }
    const back = p.inverseTransform(p.transform(X.slice(0, 3)));
    back.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(X[i][j], 10)));
  });

  it('accepts a tensor and explains a wrong k', () => {
    const t = tf.tensor2d([
      [1, 2],
      [3, 5],
      [4, 4],
    ]);
    expect(pca(t, 1).components[0]).toHaveLength(2);
    t.dispose();
    expect(() => pca([[1, 2]], 2)).toThrow(/k must be a whole number from 1 to 1/);
  });
});
