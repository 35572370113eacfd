/**
 * `ml.adjustedRandIndex`: how much two labelings of the same rows agree, corrected for
 * chance (Hubert & Arabie 1985). 1 means the same grouping (whatever the label names), about
 * 0 means no better than random, and it can dip below 0. Used to compare k-means clusters
 * with the true classes, where cluster numbers are arbitrary.
 *
 * As scikit-learn's `adjusted_rand_score`, including its special case: when both labelings
 * put everything in one group, or every row in its own group, the score is 1.
 */
import { toLabels, type Label, type LabelsInput } from './input';

/**
 * @example
 * ml.adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])  // 1: same groups, other names
 */
export function adjustedRandIndex(a: LabelsInput, b: LabelsInput): number {
  const first = toLabels(a, 'a');
  const second = toLabels(b, 'b');
  const n = first.length;
  if (second.length !== n) {
    throw new RangeError(`the labelings differ in length: ${n} and ${second.length}`);
  }
  const rowsOf = indexLabels(first);
  const colsOf = indexLabels(second);
  const nRows = new Set(rowsOf).size;
  const nCols = new Set(colsOf).size;
  if (n === 0 || (nRows === nCols && (nRows === 1 || nRows === n))) return 1;
  const table = new Float64Array(nRows * nCols);
  for (let i = 0; i < n; i++) table[rowsOf[i] * nCols + colsOf[i]] += 1;
  const rowSums = new Float64Array(nRows);
  const colSums = new Float64Array(nCols);
  let pairsTogether = 0;
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const count = table[r * nCols + c];
      rowSums[r] += count;
      colSums[c] += count;
      pairsTogether += pairs(count);
    }
  }
  const pairsA = rowSums.reduce((total, count) => total + pairs(count), 0);
  const pairsB = colSums.reduce((total, count) => total + pairs(count), 0);
  const expected = (pairsA * pairsB) / pairs(n);
  const maximum = (pairsA + pairsB) / 2;
  if (maximum === expected) return 1;
  return (pairsTogether - expected) / (maximum - expected);
}

function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

/** Each label replaced by 0, 1, … in order of first appearance. */
function indexLabels(labels: readonly Label[]): number[] {
  const ids = new Map<Label, number>();
  return labels.map((label) => {
    let id = ids.get(label);
    if (id === undefined) {
      id = ids.size;
      ids.set(label, id);
    }
    return id;
  });
}
