/**
 * `ml.drift`: has a feature's distribution moved between a reference sample (training
 * data, last month) and a current one? `psi` is the population stability index that
 * monitoring teams put thresholds on; `ks` is the two-sample Kolmogorov–Smirnov test.
 *
 * @example
 * import { ml } from 'playgrad'
 * ml.drift.psi(trainAges, liveAges).statistic   // < 0.1 stable, > 0.25 shifted
 * ml.drift.ks(trainAges, liveAges).pValue       // small: the samples differ
 */
export { psi, type Psi, type PsiOptions } from './drift-psi';
export { ks, type KolmogorovSmirnov, type KsOptions } from './drift-ks';
