/**
 * `ml`: the classical machine-learning helpers cells import from 'playgrad'. Plain arrays in
 * and out (tensors accepted), so a learner can read every value; seeded (default seed 0)
 * with a generator of their own, so `seed()` in a cell does not change them.
 *
 * @example
 * import { ml } from 'playgrad'
 * const { Xtrain, Xtest, ytrain, ytest } = ml.trainTestSplit(X, y, { stratify: true })
 */
export { trainTestSplit, type SplitOptions, type TrainTestSplit } from './split';
export { standardize, type Standardized } from './scale';
export { pca, type PCA } from './pca';
export { kmeans, type KMeans, type KMeansOptions } from './kmeans';
export { adjustedRandIndex } from './ari';
export { kfold, type Fold, type KFoldOptions } from './kfold';
export * as metrics from './metrics';
export { DecisionTree } from './tree';
export { RandomForest } from './forest';
export {
  agglomerative,
  type Agglomerative,
  type AgglomerativeOptions,
  type Linkage,
} from './agglomerative';
export { silhouette, type Silhouette } from './silhouette';
export * as drift from './drift';
export {
  permutationImportance,
  type Metric,
  type PermutationImportance,
  type PermutationOptions,
} from './permutation-importance';
export { shapley, type Shapley, type ShapleyOptions } from './shapley';
export {
  search,
  type Params,
  type SearchOptions,
  type SearchParam,
  type SearchSpace,
  type Study,
  type Trial,
} from './search';
export { LinearModel, type LinearModelOptions, type Penalty } from './linear-model';
export { LogisticRegression, type LogisticRegressionOptions } from './logistic-regression';
export { KNeighbors, type KNeighborsOptions, type Metric as DistanceMetric } from './knn';
export { GradientBoosting, type GradientBoostingOptions } from './gradient-boosting';
