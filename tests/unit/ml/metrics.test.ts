/**
 * Expected values come from scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1),
 * computed on the same vectors with sklearn.metrics: accuracy_score, precision_score,
 * recall_score, f1_score, confusion_matrix, roc_curve(drop_intermediate=False/True),
 * roc_auc_score, precision_recall_curve, average_precision_score, auc.
 */
import { describe, expect, it } from 'vitest';
import * as metrics from '../../../src/lib/ml/metrics';

const yTrue = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0];
const yPred = [1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 1];
const scores = [0.1, 0.9, 0.4, 0.35, 0.8, 0.7, 0.2, 0.8, 0.65, 0.3, 0.05, 0.55];

/** A stand-in for a tfjs tensor: the helpers only call arraySync(). */
const fakeTensor = (values: unknown[]) => ({ arraySync: () => values });

describe('metrics.accuracy', () => {
  it('is the fraction of equal entries', () => {
    expect(metrics.accuracy(yTrue, [0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 1])).toBeCloseTo(
      0.6666666666666666,
      15,
    );
  });
  it('accepts tensors, typed arrays and booleans', () => {
    expect(metrics.accuracy(fakeTensor([1, 0, 1]), new Int32Array([1, 1, 1]))).toBeCloseTo(2 / 3);
    expect(metrics.accuracy([1, 0], [true, false])).toBe(1);
  });
  it('refuses vectors of different lengths, naming them', () => {
    expect(() => metrics.accuracy([1, 0], [1])).toThrow(/yTrue and yPred.*2 and 1/);
  });
});

describe('metrics.precision / recall / f1 (binary)', () => {
  it('match sklearn with positive = 1', () => {
    expect(metrics.precision(yTrue, yPred)).toBeCloseTo(0.5714285714285714, 15);
    expect(metrics.recall(yTrue, yPred)).toBeCloseTo(0.6666666666666666, 15);
    expect(metrics.f1(yTrue, yPred)).toBeCloseTo(0.6153846153846153, 15);
  });
  it('match sklearn with another positive class', () => {
    expect(metrics.f1(yTrue, yPred, { positive: 0 })).toBeCloseTo(0.5454545454545454, 15);
    const truth = ['no', 'yes', 'yes', 'no'];
    const predicted = ['no', 'yes', 'no', 'no'];
    expect(metrics.precision(truth, predicted, { positive: 'yes' })).toBe(1);
    expect(metrics.recall(truth, predicted, { positive: 'yes' })).toBe(0.5);
  });
  it('give 0 instead of dividing by zero', () => {
    expect(metrics.precision([0, 0, 1], [0, 0, 0])).toBe(0);
    expect(metrics.f1([0, 0, 0], [0, 0, 0])).toBe(0);
    expect(metrics.recall([0, 0, 0], [1, 0, 0])).toBe(0);
  });
  it('explain a missing positive class or too many classes', () => {
    expect(() => metrics.precision(['a', 'b'], ['a', 'a'])).toThrow(/positive: "b"/);
    expect(() => metrics.recall([0, 1, 2], [0, 1, 2])).toThrow(/average: 'macro'/);
  });
});

describe('metrics.precision / recall / f1 (multi-class averages)', () => {
  const truth = [0, 1, 2, 2, 1, 0, 2, 1, 0, 2];
  const predicted = [0, 2, 2, 2, 1, 0, 1, 1, 1, 2];
  it.each([
    ['macro', 0.75, 0.6944444444444443, 0.7071428571428572],
    ['micro', 0.7, 0.7, 0.7],
    ['weighted', 0.75, 0.7, 0.7114285714285715],
  ] as const)('%s matches sklearn', (average, p, r, f) => {
    expect(metrics.precision(truth, predicted, { average })).toBeCloseTo(p, 14);
    expect(metrics.recall(truth, predicted, { average })).toBeCloseTo(r, 14);
    expect(metrics.f1(truth, predicted, { average })).toBeCloseTo(f, 14);
  });
});

describe('metrics.confusionMatrix', () => {
  it('has true classes as rows, sorted labels', () => {
    expect(metrics.confusionMatrix(yTrue, yPred)).toEqual([
      [3, 3],
      [2, 4],
    ]);
    const truth = [0, 1, 2, 2, 1, 0, 2, 1, 0, 2];
    const predicted = [0, 2, 2, 2, 1, 0, 1, 1, 1, 2];
    expect(metrics.confusionMatrix(truth, predicted)).toEqual([
      [2, 1, 0],
      [0, 2, 1],
      [0, 1, 3],
    ]);
    expect(metrics.confusionMatrix(truth, predicted, { labels: [2, 0] })).toEqual([
      [3, 0],
      [0, 2],
    ]);
  });
  it('sorts string labels', () => {
    expect(metrics.confusionMatrix(['no', 'yes', 'yes', 'no'], ['no', 'yes', 'no', 'no'])).toEqual([
      [2, 0],
      [1, 1],
    ]);
  });
});

describe('metrics.rocCurve', () => {
  const sklearnFpr = [0, 0, 0, 1 / 6, 1 / 6, 1 / 3, 1 / 3, 0.5, 0.5, 2 / 3, 5 / 6, 1];
  const sklearnTpr = [0, 1 / 6, 0.5, 0.5, 2 / 3, 2 / 3, 5 / 6, 5 / 6, 1, 1, 1, 1];
  it('matches roc_curve(drop_intermediate=False), first threshold Infinity', () => {
    const roc = metrics.rocCurve(yTrue, scores);
    expect(roc.fpr.map((v) => +v.toFixed(12))).toEqual(sklearnFpr.map((v) => +v.toFixed(12)));
    expect(roc.tpr.map((v) => +v.toFixed(12))).toEqual(sklearnTpr.map((v) => +v.toFixed(12)));
    // sklearn 1.2 writes max + 1 (1.9) first; sklearn >= 1.3 writes inf, as here.
    expect(roc.thresholds).toEqual([
      Infinity,
      0.9,
      0.8,
      0.7,
      0.65,
      0.55,
      0.4,
      0.35,
      0.3,
      0.2,
      0.1,
      0.05,
    ]);
  });
  it('matches roc_curve(drop_intermediate=True) when asked', () => {
    const roc = metrics.rocCurve(yTrue, scores, { dropIntermediate: true });
    expect(roc.thresholds).toEqual([Infinity, 0.9, 0.8, 0.7, 0.65, 0.55, 0.4, 0.35, 0.3, 0.05]);
    expect(roc.fpr[roc.fpr.length - 2]).toBe(0.5);
  });
  it('groups tied scores into one threshold', () => {
    const roc = metrics.rocCurve([1, 0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.2, 0.9, 0.2]);
    expect(roc.fpr).toEqual([0, 0, 0.5, 1]);
    expect(roc.tpr).toEqual([0, 0.25, 0.75, 1]);
    expect(roc.thresholds).toEqual([Infinity, 0.9, 0.5, 0.2]);
  });
  it('gives rates of 0, not NaN, when a class is absent', () => {
    expect(metrics.rocCurve([1, 1], [0.2, 0.7]).fpr).toEqual([0, 0, 0]);
  });
});

describe('metrics.auc and rocAuc', () => {
  it('integrates by trapezoids in either direction', () => {
    expect(metrics.auc([0, 0.5, 1], [0, 1, 1])).toBe(0.75);
    expect(metrics.auc([1, 0.5, 0], [1, 1, 0])).toBe(0.75);
    expect(() => metrics.auc([0, 1, 0.5], [0, 1, 1])).toThrow(/increasing or decreasing/);
  });
  it('rocAuc matches roc_auc_score', () => {
    expect(metrics.rocAuc(yTrue, scores)).toBeCloseTo(0.8333333333333333, 14);
    expect(metrics.rocAuc([1, 0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.2, 0.9, 0.2])).toBeCloseTo(
      0.6875,
      14,
    );
    expect(() => metrics.rocAuc([1, 1], [0.3, 0.4])).toThrow(/both positive and negative/);
  });
});

describe('metrics.precisionRecallCurve and averagePrecision', () => {
  it('matches precision_recall_curve', () => {
    const curve = metrics.precisionRecallCurve(yTrue, scores);
    const expected = [
      0.5, 0.5454545454545454, 0.6, 0.6666666666666666, 0.625, 0.7142857142857143,
      0.6666666666666666, 0.8, 0.75, 1, 1, 1,
    ];
    curve.precision.forEach((p, i) => expect(p).toBeCloseTo(expected[i], 14));
    expect(curve.recall.map((r) => +r.toFixed(12))).toEqual(
      [1, 1, 1, 1, 5 / 6, 5 / 6, 2 / 3, 2 / 3, 0.5, 0.5, 1 / 6, 0].map((r) => +r.toFixed(12)),
    );
    expect(curve.thresholds).toEqual([0.05, 0.1, 0.2, 0.3, 0.35, 0.4, 0.55, 0.65, 0.7, 0.8, 0.9]);
  });
  it('averagePrecision matches average_precision_score', () => {
    expect(metrics.averagePrecision(yTrue, scores)).toBeCloseTo(0.8634920634920634, 14);
    expect(
      metrics.averagePrecision([1, 0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.2, 0.9, 0.2]),
    ).toBeCloseTo(0.7916666666666666, 14);
  });
});
