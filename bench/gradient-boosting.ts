/**
 * `npx tsx bench/gradient-boosting.ts`: CPU time of ml.GradientBoosting at the size of the
 * churn lesson (7,043 rows × 20 features: 6 three-level, 6 binary, 8 continuous columns),
 * 200 trees of depth 3, with and without subsampling. Plain JS in Node's V8 (the engine of
 * the kernel's Chromium). Not a test: run on demand.
 */
import { GradientBoosting } from '../src/lib/ml/gradient-boosting';

let state = 1;
const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
const n = 7043;
const X = Array.from({ length: n }, () =>
  Array.from({ length: 20 }, (_, j) => {
    if (j < 6) return Math.floor(random() * 3);
    if (j < 12) return random() < 0.5 ? 1 : 0;
    return Math.round(random() * 1000) / 10;
  }),
);
const y = X.map((row) => (row[0] + row[6] + row[12] / 50 + random() * 2 > 4 ? 1 : 0));

for (const subsample of [1, 0.8]) {
  const before = process.cpuUsage();
  const model = new GradientBoosting({ nEstimators: 200, maxDepth: 3, subsample }).fit(X, y);
  const used = process.cpuUsage(before);
  const seconds = (used.user + used.system) / 1e6;
  console.log(
    `subsample ${subsample}: fit ${seconds.toFixed(2)} s CPU, training accuracy ${model.score(X, y).toFixed(3)}`,
  );
}
