// Image datasets ship as one gzipped binary file: every image's pixels as unsigned bytes
// (row-major, h × w × c per image), then one byte per image for its class. A CSV of 10,000
// MNIST digits would be ~20 MB; this is ~1.5 MB and decodes in milliseconds.
import { gzipSync } from 'node:zlib';

/**
 * @param {Uint8Array[]} images one array of h·w·c bytes per image
 * @param {number[]} labels class index of each image
 */
export function encodeImageFile(images, labels) {
  const size = images[0].length;
  const bytes = new Uint8Array(images.length * (size + 1));
  images.forEach((image, i) => {
    if (image.length !== size) throw new Error(`image ${i} has ${image.length} bytes, not ${size}`);
    bytes.set(image, i * size);
  });
  bytes.set(labels, images.length * size);
  return gzipSync(bytes, { level: 9 });
}

/** A small seeded generator (mulberry32): the same subset on every machine. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(items, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * Picks `perClass` indices of each class at random, keeping them in their original order, so
 * every class is equally represented in the subset.
 */
export function stratifiedSample(labels, perClass, random) {
  const byClass = new Map();
  labels.forEach((label, index) => {
    if (!byClass.has(label)) byClass.set(label, []);
    byClass.get(label).push(index);
  });
  const picked = [];
  for (const indices of byClass.values()) {
    if (indices.length < perClass) throw new Error(`only ${indices.length} images of a class`);
    picked.push(...shuffled(indices, random).slice(0, perClass));
  }
  return picked.sort((a, b) => a - b);
}

/** Reads an IDX file (the MNIST format: magic, dimensions, then unsigned bytes). */
export function readIdx(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dimensions = view.getUint8(3);
  const shape = Array.from({ length: dimensions }, (_, i) => view.getUint32(4 + 4 * i));
  return { shape, data: bytes.subarray(4 + 4 * dimensions) };
}

/** Splits indices into train and test, `testFraction` of every class in test. */
export function stratifiedSplit(labels, testFraction, random) {
  const byClass = new Map();
  labels.forEach((label, index) => {
    if (!byClass.has(label)) byClass.set(label, []);
    byClass.get(label).push(index);
  });
  const train = [];
  const test = [];
  for (const indices of byClass.values()) {
    const mixed = shuffled(indices, random);
    const testCount = Math.round(indices.length * testFraction);
    test.push(...mixed.slice(0, testCount));
    train.push(...mixed.slice(testCount));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}
