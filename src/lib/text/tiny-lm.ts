/**
 * Playgrad's tiny language model: a character-level GPT trained on Moby-Dick
 * (scripts/models/train-tiny-lm.py), run here in tfjs so a lesson can look inside it.
 *
 * @example
 * import { text } from 'playgrad';
 * const lm = await text.loadTinyLM();
 * lm.generate('Call me ', { maxTokens: 40, temperature: 0.8, seed: 1 })
 * lm.dispose();
 */
import * as tf from '@tensorflow/tfjs';
import seedrandom from 'seedrandom';
import { kernelContext, throwIfInterrupted } from '../context';
import { random } from '../random';
import { applyTemperature, argmax, sample, softmax, topK, topP } from './sampling';
import { TinyLMBlock, layerNorm, type LayerNormParams, type Linear } from './tiny-lm-block';
import { CachedDecoder } from './tiny-lm-decoder';
import { fetchTinyLMFiles, type TinyLMConfig, type TinyLMFiles } from './tiny-lm-files';

export type { TinyLMConfig } from './tiny-lm-files';
export { TinyLMBlock } from './tiny-lm-block';

export interface GenerateOptions {
  /** How many characters to add (default 100). */
  maxTokens?: number;
  /** 1 samples the model as it is, < 1 plays safer, 0 always takes the likeliest (default 1). */
  temperature?: number;
  /** Sample only among the k likeliest tokens. */
  topK?: number;
  /** Sample only among the likeliest tokens that together have probability ≥ topP. */
  topP?: number;
  /** Same seed, same text. Without one, draws from playgrad's `random()` (see `seed()`). */
  seed?: number;
}

export interface NextTokenDistribution {
  /** Every token of the vocabulary, in vocabulary order. */
  tokens: string[];
  /** The model's probability for each, summing to 1. */
  probs: number[];
}

export interface AttentionMaps {
  /** The tokens of the text (the last `context` characters). */
  tokens: string[];
  /** weights[layer][head][i][j]: how much token i attends to token j (0 when j > i). */
  weights: number[][][][];
}

export class TinyLM {
  readonly config: TinyLMConfig;
  /** Token id → character. */
  readonly vocab: readonly string[];
  readonly tokenEmbedding: tf.Tensor2D;
  readonly positionEmbedding: tf.Tensor2D;
  readonly blocks: readonly TinyLMBlock[];
  readonly finalNorm: LayerNormParams;
  private readonly ids: Map<string, number>;
  private disposed = false;

  constructor({ config, vocab, weights }: TinyLMFiles) {
    this.config = config;
    this.vocab = vocab;
    this.ids = new Map(vocab.map((token, id) => [token, id]));
    const made: tf.Tensor[] = [];
    const get = <T extends tf.Tensor>(name: string): T => {
      const entry = weights.get(name);
      if (!entry) throw new Error(`The tiny LM's weights have no tensor ${name}`);
      const t = tf.tensor(entry.values, entry.shape) as T;
      made.push(t);
      return t;
    };
    try {
      this.tokenEmbedding = get('tok');
      this.positionEmbedding = get('pos');
      const lin = (p: string): Linear => ({ weight: get(`${p}.weight`), bias: get(`${p}.bias`) });
      const norm = (p: string): LayerNormParams => ({
        gamma: get(`${p}.weight`),
        beta: get(`${p}.bias`),
      });
      const eps = config.layer_norm_eps;
      this.blocks = Array.from({ length: config.n_layers }, (_, i) => {
        const p = `blocks.${i}`;
        return new TinyLMBlock(
          i,
          config.n_heads,
          eps,
          norm(`${p}.ln1`),
          lin(`${p}.qkv`),
          lin(`${p}.proj`),
          norm(`${p}.ln2`),
          lin(`${p}.fc`),
          lin(`${p}.out`),
        );
      });
      this.finalNorm = norm('ln_f');
    } catch (error) {
      tf.dispose(made);
      throw error;
    }
  }

  /** Characters → token ids (one per character); unknown characters are an error. */
  encode(text: string): number[] {
    const chars = Array.from(text);
    const unknown = [...new Set(chars.filter((c) => !this.ids.has(c)))];
    if (unknown.length > 0) {
      const known = this.vocab.filter((c) => c.trim()).join('');
      throw new RangeError(
        `The tiny LM does not know ${unknown.map((c) => JSON.stringify(c)).join(', ')}. ` +
          `It knows space, newline and: ${known}`,
      );
    }
    return chars.map((c) => this.ids.get(c) as number);
  }

  decode(ids: readonly number[]): string {
    return ids.map((id) => this.vocab[id] ?? '').join('');
  }

  /**
   * The residual stream entering block 0: token embedding + position embedding, for
   * tokens at positions start, start + 1, …
   */
  embed(ids: readonly number[], start = 0): tf.Tensor2D {
    this.checkIds(ids, start);
    return tf.tidy(() => {
      const tokens = tf.gather(this.tokenEmbedding, tf.tensor1d(ids as number[], 'int32'));
      const positions = this.positionEmbedding.slice([start, 0], [ids.length, -1]);
      return tokens.add(positions) as tf.Tensor2D;
    });
  }

  /** The final LayerNorm and the output layer: [tokens, d_model] → logits [tokens, vocab]. */
  head(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const normed = layerNorm(x, this.finalNorm, this.config.layer_norm_eps);
      // The output layer is tied to the token embedding: a score per vocabulary token.
      return normed.matMul(this.tokenEmbedding, false, true) as tf.Tensor2D;
    });
  }

  /** The logits [tokens, vocab] at every position: the model's guess for each next token. */
  forward(ids: readonly number[]): tf.Tensor2D {
    return tf.tidy(() => {
      let x = this.embed(ids);
      for (const block of this.blocks) x = block.apply(x);
      return this.head(x);
    });
  }

  /** The scores (logits) for the character after `prefix`. */
  logits(prefix: string): number[] {
    return this.lastLogits(this.lastWindow(this.encode(prefix), 'logits'));
  }

  /** The probability of each vocabulary token coming right after `prefix`. */
  nextTokenDistribution(prefix: string): NextTokenDistribution {
    return { tokens: [...this.vocab], probs: softmax(this.logits(prefix)) };
  }

  /** Each head's attention weights, layer by layer, for the tokens of `text`. */
  attentionMaps(text: string): AttentionMaps {
    const ids = this.lastWindow(this.encode(text), 'attentionMaps');
    const weights = tf.tidy(() => {
      let x = this.embed(ids);
      const maps: tf.Tensor3D[] = [];
      for (const block of this.blocks) {
        maps.push(tf.keep(block.attention(x).weights));
        x = block.apply(x);
      }
      return maps;
    });
    const arrays = weights.map((w) => w.arraySync());
    tf.dispose(weights);
    return { tokens: ids.map((id) => this.vocab[id]), weights: arrays };
  }

  /**
   * Adds up to `maxTokens` characters after `prefix`, one at a time: distribution,
   * temperature, top-k, top-p, draw. Returns only the new text.
   */
  generate(prefix: string, options: GenerateOptions = {}): string {
    const { maxTokens = 100, temperature = 1, seed } = options;
    if (!Number.isInteger(maxTokens) || maxTokens < 0) {
      throw new RangeError(`generate needs maxTokens ≥ 0 (whole), got ${maxTokens}`);
    }
    const rng = seed === undefined ? random : seedrandom(String(seed));
    const ids = this.encode(prefix);
    if (ids.length === 0) throw new RangeError('generate needs a prefix of at least one character');
    const added: number[] = [];
    const decoder = new CachedDecoder(this);
    try {
      for (let step = 0; step < maxTokens; step += 1) {
        throwIfInterrupted();
        const window = this.lastWindow([...ids, ...added], 'generate');
        let probs = softmax(decoder.next(window));
        probs = applyTemperature(probs, temperature);
        if (options.topK !== undefined) probs = topK(probs, options.topK);
        if (options.topP !== undefined) probs = topP(probs, options.topP);
        added.push(temperature === 0 ? argmax(probs) : sample(probs, rng));
      }
    } finally {
      decoder.dispose();
    }
    return this.decode(added);
  }

  /** Frees the weights. The model cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([this.tokenEmbedding, this.positionEmbedding, this.finalNorm.gamma]);
    tf.dispose([this.finalNorm.beta, ...this.blocks.flatMap((b) => b.tensors())]);
  }

  private lastLogits(ids: number[]): number[] {
    const all = this.forward(ids);
    const last = all.slice([ids.length - 1, 0], [1, -1]);
    const values = Array.from(last.dataSync());
    tf.dispose([all, last]);
    return values;
  }

  private lastWindow(ids: number[], fn: string): number[] {
    if (ids.length === 0) throw new RangeError(`${fn} needs at least one character`);
    return ids.slice(-this.config.context);
  }

  private checkIds(ids: readonly number[], start: number): void {
    if (this.disposed) throw new Error('This tiny LM was disposed: load it again');
    if (ids.length === 0 || start + ids.length > this.config.context) {
      throw new RangeError(
        `The tiny LM reads 1 to ${this.config.context} tokens, got ${ids.length}`,
      );
    }
  }
}

const filesCache = new Map<string, Promise<TinyLMFiles>>();

/**
 * Loads the tiny LM shipped with the site (`models/tiny-lm/`), or from `url`. The files are
 * fetched once; each call makes a model with its own tensors: `dispose()` it when done.
 */
export async function loadTinyLM(options: { url?: string } = {}): Promise<TinyLM> {
  const url = options.url ?? new URL('models/tiny-lm/', kernelContext().baseUrl).href;
  const base = url.endsWith('/') ? url : `${url}/`;
  let files = filesCache.get(base);
  if (!files) {
    files = fetchTinyLMFiles(base);
    filesCache.set(base, files);
    files.catch(() => filesCache.delete(base));
  }
  return new TinyLM(await files);
}
