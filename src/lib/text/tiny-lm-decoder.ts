/**
 * Next-token logits for a text that grows one token at a time, as in generation. Each
 * block's keys and values for the tokens already seen are kept (a "KV cache"), so a new
 * token costs one row of work instead of a pass over the whole prefix. The result is the
 * same as a full forward pass over the window: when the window slides (the text outgrew
 * the context), positions change, and the cache is rebuilt from scratch.
 */
import * as tf from '@tensorflow/tfjs';
import type { KeyValues, TinyLMBlock } from './tiny-lm-block';

/** The parts of the model the decoder runs. */
export interface DecoderModel {
  readonly blocks: readonly TinyLMBlock[];
  /** Token + position embeddings for `ids` placed at positions start, start + 1, … */
  embed(ids: readonly number[], start?: number): tf.Tensor2D;
  /** Final LayerNorm and output layer: [tokens, d_model] → logits [tokens, vocab]. */
  head(x: tf.Tensor2D): tf.Tensor2D;
}

export class CachedDecoder {
  private ids: number[] = [];
  private cache: KeyValues[] | undefined;

  constructor(private readonly model: DecoderModel) {}

  /** The logits after the last token of `window` (the tokens the model reads now). */
  next(window: readonly number[]): number[] {
    const extends1 =
      this.cache !== undefined &&
      window.length === this.ids.length + 1 &&
      this.ids.every((id, i) => window[i] === id);
    const past = extends1 ? this.cache : undefined;
    const fresh = extends1 ? window.slice(-1) : window;
    // [logits, k0, v0, k1, v1, …]: a flat list that tf.tidy keeps.
    const [logits, ...keyValues] = tf.tidy(() => {
      let x = this.model.embed(fresh, extends1 ? this.ids.length : 0);
      const kept: tf.Tensor[] = [];
      this.model.blocks.forEach((block, i) => {
        const { y, k, v } = block.applyCached(x, past?.[i]);
        kept.push(k, v);
        x = y;
      });
      const last = x.slice([x.shape[0] - 1, 0], [1, -1]) as tf.Tensor2D;
      return [this.model.head(last), ...kept];
    });
    this.dispose();
    this.cache = this.model.blocks.map((_, i) => ({
      k: keyValues[2 * i] as tf.Tensor3D,
      v: keyValues[2 * i + 1] as tf.Tensor3D,
    }));
    this.ids = [...window];
    const values = Array.from(logits.dataSync());
    logits.dispose();
    return values;
  }

  /** Frees the cached keys and values. */
  dispose(): void {
    if (this.cache) tf.dispose(this.cache.flatMap(({ k, v }) => [k, v]));
    this.cache = undefined;
    this.ids = [];
  }
}
