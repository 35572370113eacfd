/**
 * `dataset.toTensors()`: the dataset's current `X` and `y` as tfjs tensors. Kept apart from
 * the loader because it imports tfjs statically (the kernel bundles it anyway), which keeps
 * `toTensors` synchronous.
 */
import * as tf from '@tensorflow/tfjs';

export interface DatasetTensors {
  /** `[n, features]`, or `[n, height, width, channels]` for image sets. Missing values: NaN. */
  X: tf.Tensor2D | tf.Tensor4D;
  /** float32: class indices or target values. `tf.oneHot(y.toInt(), k)` for one-hot labels. */
  y: tf.Tensor1D;
}

/**
 * Converts the arrays as they are now (a learner may have scaled X in place), so the tensors
 * always match what the learner sees. The caller owns the tensors: dispose them.
 * @param flatPixels image sets whose X was never read: the pixels, already flat (fast path)
 * @throws Error when the rows of X differ in length or X and y differ in rows
 */
export function datasetTensors(
  X: readonly (readonly (number | null)[])[] | undefined,
  y: readonly number[],
  imageShape?: readonly [number, number, number],
  flatPixels?: Float32Array,
): DatasetTensors {
  const labels = tf.tensor1d(Float32Array.from(y));
  if (imageShape && flatPixels) {
    const [h, w, c] = imageShape;
    return { X: tf.tensor4d(flatPixels, [y.length, h, w, c]), y: labels };
  }
  const rows = X?.length ?? 0;
  const columns = X && rows > 0 ? X[0].length : 0;
  if (!X || y.length !== rows) {
    labels.dispose();
    throw new Error(`X has ${rows} rows but y has ${y.length} values`);
  }
  const values = new Float32Array(rows * columns);
  for (let i = 0; i < rows; i += 1) {
    const row = X[i];
    if (row.length !== columns) {
      labels.dispose();
      throw new Error(`row ${i} of X has ${row.length} values, expected ${columns}`);
    }
    const offset = i * columns;
    for (let j = 0; j < columns; j += 1) {
      const value = row[j];
      values[offset + j] = value === null ? NaN : value;
    }
  }
  const features = imageShape
    ? tf.tensor4d(values, [rows, imageShape[0], imageShape[1], imageShape[2]])
    : tf.tensor2d(values, [rows, columns]);
  return { X: features, y: labels };
}
