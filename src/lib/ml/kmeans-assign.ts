/**
 * The inner step of k-means: for every row, its nearest centre and the squared distance.
 *
 * Small problems run in float64 JS. Large ones (fashion-mnist: 12,000 × 784 × 10 ≈ 94 M
 * multiply-adds a pass) run as one tfjs matMul per pass, using
 * ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖² with X uploaded once and kept on the backend. That form
 * loses digits to cancellation in float32, which can only swap near-ties; kmeans.ts
 * recomputes the final inertia exactly.
 */
import * as tf from '@tensorflow/tfjs';
import type { DenseMatrix } from './input';

/**
 * Above this many multiply-adds per pass (n·k·d), use tfjs. On an accelerated backend the
 * matMul wins early (JS loops run at ~0.2–1 GFLOP/s, WASM SIMD at ~40), so digits (1.2 M)
 * goes to tfjs; on tfjs' plain-JS 'cpu' backend (Node, tests) only very large problems do.
 */
const TF_ASSIGN_MIN_ACCELERATED = 2e5;
const TF_ASSIGN_MIN_CPU = 2e7;

export interface Assignment {
  labels: Int32Array;
  distances: Float64Array;
}

export interface Nearest {
  (centers: Float64Array): Assignment;
  dispose(): void;
}

export function createNearest(data: DenseMatrix, k: number, use?: 'js' | 'tf'): Nearest {
  const work = data.rows * data.cols * k;
  const threshold = tf.getBackend() === 'cpu' ? TF_ASSIGN_MIN_CPU : TF_ASSIGN_MIN_ACCELERATED;
  const choice = use ?? (work < threshold ? 'js' : 'tf');
  return choice === 'js' ? nearestJs(data) : nearestTf(data);
}

function nearestJs(data: DenseMatrix): Nearest {
  const { rows: n, cols: d } = data;
  const find = (centers: Float64Array): Assignment => {
    const k = centers.length / d;
    const labels = new Int32Array(n);
    const distances = new Float64Array(n);
    const x = data.data;
    for (let i = 0; i < n; i++) {
      const row = i * d;
      let best = Infinity;
      let bestCenter = 0;
      for (let c = 0; c < k; c++) {
        const at = c * d;
        let s = 0;
        // Plain products, not `** 2`: V8 compiles the operator to a slower generic call.
        for (let j = 0; j < d; j++) {
          const diff = x[row + j] - centers[at + j];
          s += diff * diff;
        }
        if (s < best) {
          best = s;
          bestCenter = c;
        }
      }
      labels[i] = bestCenter;
      distances[i] = best;
    }
    return { labels, distances };
  };
  return Object.assign(find, { dispose: () => undefined });
}

function nearestTf(data: DenseMatrix): Nearest {
  const { rows: n, cols: d } = data;
  const x = tf.tensor2d(Float32Array.from(data.data), [n, d]);
  const rowNorms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const value = data.data[i * d + j];
      s += value * value;
    }
    rowNorms[i] = s;
  }
  const find = (centers: Float64Array): Assignment => {
    const k = centers.length / d;
    const transposed = new Float32Array(d * k);
    const centerNorms = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        const value = centers[c * d + j];
        transposed[j * k + c] = value;
        centerNorms[c] += value * value;
      }
    }
    const dots = tf.tidy(() => tf.matMul(x, tf.tensor2d(transposed, [d, k])));
    const values = dots.dataSync();
    dots.dispose();
    const labels = new Int32Array(n);
    const distances = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      let bestCenter = 0;
      for (let c = 0; c < k; c++) {
        const s = centerNorms[c] - 2 * values[i * k + c];
        if (s < best) {
          best = s;
          bestCenter = c;
        }
      }
      labels[i] = bestCenter;
      distances[i] = Math.max(0, best + rowNorms[i]);
    }
    return { labels, distances };
  };
  return Object.assign(find, { dispose: () => x.dispose() });
}
