/**
 * `ml.metrics`: how good a classifier is, with scikit-learn's conventions.
 *
 * @example
 * import { ml } from 'playgrad'
 * ml.metrics.accuracy([0, 1, 1, 0], [0, 1, 0, 0])         // 0.75
 * ml.metrics.confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0])  // [[2, 0], [1, 1]]
 * const { fpr, tpr } = ml.metrics.rocCurve(yTest, probabilities)
 * ml.metrics.auc(fpr, tpr)
 */
export { accuracy, confusionMatrix, precision, recall, f1 } from './metrics-classification';
export type { Average, ScoreOptions } from './metrics-classification';
export { rocCurve, auc, rocAuc, precisionRecallCurve, averagePrecision } from './metrics-curves';
export type { CurveOptions, RocCurve, PrecisionRecallCurve } from './metrics-curves';
export type { Label, VectorInput } from './metrics-labels';
