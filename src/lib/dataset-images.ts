/**
 * Image sets: a gzipped byte file (every image's pixels, then one class byte per image; see
 * datasets/README.md) becomes `X` with one row of pixels scaled 0–1 per image.
 */
import type { DatasetInfo } from './dataset-catalog';
import type { DatasetData } from './dataset-table';

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Un-gzips the file's bytes. A server that sent the file with `Content-Encoding: gzip` has
 * already done it (the browser decoded it): then the bytes are returned as they are.
 */
export async function gunzipIfNeeded(buffer: ArrayBuffer): Promise<Uint8Array> {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return bytes;
  const stream = new Blob([buffer]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** An image set's data, whose `X` is only built (≈0.3 s for 10,000 images) when first read. */
export interface ImageDatasetData {
  data: DatasetData;
  /**
   * The pixels scaled 0–1 as one flat array (fast: for toTensors), or undefined once `X` has
   * been read, since the learner may have changed it.
   */
  untouchedPixels(): Float32Array | undefined;
}

/**
 * Builds a fresh dataset from the decoded bytes (fresh arrays on every call, so a learner's
 * changes never leak into the next load). `X` is built on first read: most lessons go
 * straight to `toTensors()`, which then reads the bytes directly.
 * @throws from `problem` when the byte count does not match the catalog, or a label is not a class
 */
export function imagesToDataset(
  info: DatasetInfo,
  bytes: Uint8Array,
  problem: (why: string) => Error,
): ImageDatasetData {
  const shape = info.imageShape;
  const targetNames = info.targetNames;
  if (!shape || !targetNames) throw problem('an image set needs imageShape and targetNames');
  const size = shape[0] * shape[1] * shape[2];
  const count = info.rows;
  const expected = count * (size + 1);
  if (bytes.length !== expected) {
    throw problem(`${bytes.length} bytes, expected ${expected} (${count} images + labels)`);
  }
  const scale = 1 / (info.pixelMax ?? 255);
  const labels = bytes.subarray(count * size);
  const y = Array.from(labels, (label, i) => {
    if (label >= targetNames.length) throw problem(`image ${i} has class ${label}`);
    return label;
  });
  const trainCount = info.split?.train;
  const split = info.split && {
    train: Array.from({ length: info.split.train }, (_, i) => i),
    test: Array.from({ length: info.split.test }, (_, i) => info.split!.train + i),
  };
  let X: (number | null)[][] | undefined;
  const data: DatasetData = {
    name: info.name,
    title: info.title,
    description: info.description,
    source: info.source,
    license: info.license,
    task: info.task,
    featureNames: [...info.features],
    targetName: info.target,
    targetNames: [...targetNames],
    X: [] as (number | null)[][],
    y,
    // One small record per image (its class name, and its part of the split): a table of
    // 784 pixel columns would be unreadable, and the pixels are in X.
    rows: y.map((label, i) => ({
      [info.target]: targetNames[label],
      ...(trainCount === undefined ? {} : { split: i < trainCount ? 'train' : 'test' }),
    })),
    imageShape: [...shape] as [number, number, number],
    ...(split ? { split } : {}),
  };
  Object.defineProperty(data, 'X', {
    enumerable: true,
    configurable: true,
    get: () => (X ??= pixelRows(bytes, count, size, scale)),
    set: (value: (number | null)[][]) => {
      X = value;
    },
  });
  const untouchedPixels = () => {
    if (X) return undefined;
    const pixels = new Float32Array(count * size);
    for (let i = 0; i < pixels.length; i += 1) pixels[i] = bytes[i] * scale;
    return pixels;
  };
  return { data, untouchedPixels };
}

function pixelRows(bytes: Uint8Array, count: number, size: number, scale: number): number[][] {
  const rows: number[][] = new Array<number[]>(count);
  for (let i = 0; i < count; i += 1) {
    // push keeps the array packed (no holes), the fastest kind for V8 to read later.
    const row: number[] = [];
    const start = i * size;
    for (let j = 0; j < size; j += 1) row.push(bytes[start + j] * scale);
    rows[i] = row;
  }
  return rows;
}
