/**
 * `text.wordVectors()`: GloVe word vectors (100 numbers per word) for the 30,000 most
 * frequent English words, shipped with the site in public/models/glove-subset/.
 *
 * @example
 * const glove = await text.wordVectors();
 * glove.nearest('frog', 5);                 // toad, frogs, ...
 * glove.analogy('man', 'king', 'woman');     // man is to king as woman is to ... queen
 */
import { kernelContext } from '../context';
import { MODELS_FOLDER } from './transformers-runtime';

export interface Neighbour {
  word: string;
  /** Cosine similarity, from −1 to 1. */
  similarity: number;
}

export interface WordVectors {
  /** The words, most frequent first. */
  readonly words: readonly string[];
  /** Numbers per word. */
  readonly dimensions: number;
  has(word: string): boolean;
  /** The word's vector (a copy). */
  vector(word: string): number[];
  /** The k words closest to a word, or to a vector, by cosine similarity. */
  nearest(wordOrVector: string | ArrayLike<number>, k?: number): Neighbour[];
  /** a is to b as c is to …: the words nearest to b − a + c (a, b, c left out). */
  analogy(a: string, b: string, c: string, k?: number): Neighbour[];
}

const FOLDER = `${MODELS_FOLDER}glove-subset/`;

const loaded = new Map<string, Promise<WordVectors>>();

/** Loads the word vectors once (≈ 3.4 MB from the site, kept by the browser offline). */
export function wordVectors(): Promise<WordVectors> {
  const base = new URL(FOLDER, kernelContext().baseUrl).href;
  let vectors = loaded.get(base);
  if (!vectors) {
    vectors = load(base);
    loaded.set(base, vectors);
    vectors.catch(() => loaded.delete(base));
  }
  return vectors;
}

async function fetchFile(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`Could not load word vectors from ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    throw new Error(
      `Could not load word vectors from ${url}: ${response.status} ${response.statusText}`,
    );
  }
  return response;
}

async function load(base: string): Promise<WordVectors> {
  const [vocab, quantized, scales] = await Promise.all([
    fetchFile(`${base}vocab.txt`).then((r) => r.text()),
    fetchFile(`${base}vectors.i8`).then((r) => r.arrayBuffer()),
    fetchFile(`${base}scales.f32`).then((r) => r.arrayBuffer()),
  ]);
  const words = vocab.trimEnd().split('\n');
  const rowScales = new Float32Array(scales);
  const values = new Int8Array(quantized);
  const dimensions = values.length / words.length;
  if (rowScales.length !== words.length || !Number.isInteger(dimensions)) {
    throw new Error(
      `Word vectors in ${base} do not fit together: ${words.length} words, ` +
        `${rowScales.length} scales, ${values.length} values`,
    );
  }
  const matrix = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++)
    matrix[i] = values[i] * rowScales[Math.floor(i / dimensions)];
  return new GloveTable(words, matrix, dimensions);
}

/** Vectors in one flat array (row i = word i), with their lengths for cosines. */
class GloveTable implements WordVectors {
  private readonly index: Map<string, number>;
  private readonly norms: Float32Array;

  constructor(
    readonly words: readonly string[],
    private readonly matrix: Float32Array,
    readonly dimensions: number,
  ) {
    this.index = new Map(words.map((word, i) => [word, i]));
    this.norms = new Float32Array(words.length);
    for (let row = 0; row < words.length; row++) {
      this.norms[row] = Math.hypot(...this.row(row));
    }
  }

  has(word: string): boolean {
    return this.index.has(String(word).toLowerCase());
  }

  vector(word: string): number[] {
    return Array.from(this.row(this.rowOf(word)));
  }

  nearest(wordOrVector: string | ArrayLike<number>, k = 10): Neighbour[] {
    if (typeof wordOrVector === 'string') {
      const row = this.rowOf(wordOrVector);
      return this.ranked(this.row(row), k, new Set([row]));
    }
    if (wordOrVector?.length !== this.dimensions) {
      throw new TypeError(
        `nearest(vector): the vector needs ${this.dimensions} numbers, got ${wordOrVector?.length}`,
      );
    }
    return this.ranked(wordOrVector, k, new Set());
  }

  analogy(a: string, b: string, c: string, k = 5): Neighbour[] {
    // Unit vectors, so that a frequent word's long vector does not dominate the sum.
    const rows = [a, b, c].map((word) => this.rowOf(word));
    const [va, vb, vc] = rows.map((row) => this.unit(row));
    const target = vb.map((value, d) => value - va[d] + vc[d]);
    return this.ranked(target, k, new Set(rows));
  }

  private rowOf(word: string): number {
    if (typeof word !== 'string') throw new TypeError(`Expected a word, got ${typeof word}`);
    const row = this.index.get(word.toLowerCase());
    if (row === undefined) {
      throw new Error(
        `"${word}" is not among the ${this.words.length.toLocaleString('en')} words ` +
          `(lowercase, most frequent English words); check the spelling, or use has(word)`,
      );
    }
    return row;
  }

  private row(row: number): Float32Array {
    return this.matrix.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }

  private unit(row: number): Float32Array {
    const norm = this.norms[row] || 1;
    return this.row(row).map((value) => value / norm);
  }

  private ranked(target: ArrayLike<number>, k: number, skip: Set<number>): Neighbour[] {
    if (!Number.isInteger(k) || k < 1)
      throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
    let targetNorm = 0;
    for (let d = 0; d < this.dimensions; d++) targetNorm += target[d] * target[d];
    targetNorm = Math.sqrt(targetNorm) || 1;
    const best: Neighbour[] = [];
    for (let row = 0; row < this.words.length; row++) {
      if (skip.has(row)) continue;
      const offset = row * this.dimensions;
      let dot = 0;
      for (let d = 0; d < this.dimensions; d++) dot += this.matrix[offset + d] * target[d];
      const similarity = dot / (targetNorm * (this.norms[row] || 1));
      if (best.length < k || similarity > best[best.length - 1].similarity) {
        best.push({ word: this.words[row], similarity });
        best.sort((x, y) => y.similarity - x.similarity);
        if (best.length > k) best.pop();
      }
    }
    return best;
  }
}
