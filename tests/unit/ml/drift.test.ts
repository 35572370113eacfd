/**
 * References in fixtures/drift-scipy.json, from scripts/fixtures/ml-references.py (scipy
 * 1.10.1, numpy 1.24.2, Debian): samples drawn with numpy RandomState(0); the KS figures
 * are scipy.stats.ks_2samp(a, b, method='exact'), and for the asymptotic p-value
 * kstwobign.sf(√(nm/(n+m))·D), Kolmogorov's limit (see src/lib/ml/drift-ks.ts for why not
 * scipy's own 'asymp'); the PSI is computed by hand in numpy (quantile bins of the reference,
 * shares floored at 1e-4).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ks } from '../../../src/lib/ml/drift-ks';
import { psi } from '../../../src/lib/ml/drift-psi';
import { loadIris } from './load-fixtures';

interface KsCase {
  a: number[];
  b: number[];
  exact: { statistic: number; pValue: number };
  kolmogorov?: number;
}
const reference = JSON.parse(
  readFileSync(new URL('fixtures/drift-scipy.json', import.meta.url), 'utf8'),
) as {
  ks: KsCase[];
  psi: Record<string, number> & { reference: number[]; same: number[]; shifted: number[] };
};

describe('drift.ks', () => {
  it.each([0, 1, 2])('gives ks_2samp’s exact statistic and p-value (case %i)', (i) => {
    const { a, b, exact } = reference.ks[i];
    const result = ks(a, b, { method: 'exact' });
    expect(result.statistic).toBeCloseTo(exact.statistic, 12);
    expect(result.pValue).toBeCloseTo(exact.pValue, 10);
    expect(result.method).toBe('exact');
  });

  it('keeps its precision for a tiny p-value, with tied values (iris sepal lengths)', () => {
    // scipy 1.10.1 ks_2samp(a[:75], a[75:], method='exact'): D 0.58667, p 2.685462386506051e-12.
    const sepal = loadIris().X.map((row) => row[0]);
    const result = ks(sepal.slice(0, 75), sepal.slice(75));
    expect(result.statistic).toBeCloseTo(0.5866666666666667, 12);
    expect(result.pValue / 2.685462386506051e-12).toBeCloseTo(1, 9);
  });

  it('is exact by default for samples this small, and symmetric', () => {
    const { a, b, exact } = reference.ks[0];
    expect(ks(a, b).pValue).toBeCloseTo(exact.pValue, 10);
    expect(ks(b, a).pValue).toBeCloseTo(exact.pValue, 10);
  });

  it('gives Kolmogorov’s asymptotic p-value on request', () => {
    const { a, b, kolmogorov } = reference.ks[2];
    const result = ks(a, b, { method: 'asymp' });
    expect(result.method).toBe('asymp');
    expect(result.pValue).toBeCloseTo(kolmogorov ?? NaN, 10);
  });

  it('gives D = 1, p tiny for samples that do not overlap, and D = 0, p = 1 for one sample', () => {
    const far = ks([1, 2, 3, 4, 5], [11, 12, 13, 14]);
    expect(far.statistic).toBe(1);
    expect(far.pValue).toBeCloseTo(2 / 126, 12); // 2 of the C(9, 4) merge orders
    expect(ks([1, 2, 3], [3, 2, 1])).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
  });

  it('names what is wrong', () => {
    expect(() => ks([], [1])).toThrow(/a is empty/);
    expect(() => ks([1, NaN], [1])).toThrow(/a\[1\] is missing \(NaN\)/);
    expect(() => ks([1], ['x' as unknown as number])).toThrow(/b\[0\] is the text "x"/);
  });
});

describe('drift.psi', () => {
  const { reference: ref, same, shifted } = reference.psi;

  it('matches the PSI computed by hand in numpy', () => {
    expect(psi(ref, same).statistic).toBeCloseTo(reference.psi.same10, 12);
    expect(psi(ref, shifted).statistic).toBeCloseTo(reference.psi.shifted10, 12);
    expect(psi(ref, shifted, { bins: 4 }).statistic).toBeCloseTo(reference.psi.shifted4, 12);
    expect(psi(ref, Array<number>(20).fill(10)).statistic).toBeCloseTo(
      reference.psi.farAbove10,
      12,
    );
  });

  it('reads as the usual thresholds say: stable below 0.1, shifted above 0.25', () => {
    expect(psi(ref, same).statistic).toBeLessThan(0.1);
    expect(psi(ref, shifted).statistic).toBeGreaterThan(0.25);
  });

  it('reports equal reference shares per quantile bin', () => {
    const result = psi(ref, same);
    expect(result.edges).toHaveLength(9);
    result.expected.forEach((share) => expect(share).toBeCloseTo(0.1, 2));
    expect(result.actual.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('names what is wrong', () => {
    expect(() => psi([1, 2], [])).toThrow(/b is empty/);
    expect(() => psi([1, 2], [1], { bins: 1 })).toThrow(/bins must be a whole number >= 2/);
    expect(() => psi([1, 2], [1], { bins: [2, 1] })).toThrow(/strictly ascending/);
    expect(() => psi([1, null as unknown as number], [1])).toThrow(/a\[1\] is missing/);
  });
});
