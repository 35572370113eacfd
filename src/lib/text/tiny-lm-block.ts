/**
 * One transformer block of the tiny LM, as a module a lesson can open up: pre-LayerNorm
 * causal multi-head self-attention, then a 4× MLP with GELU, each added to the residual
 * stream. It works on one sequence at a time: x is [tokens, d_model].
 */
import * as tf from '@tensorflow/tfjs';

export interface Linear {
  /** [in, out]: y = x · weight + bias */
  weight: tf.Tensor2D;
  bias: tf.Tensor1D;
}

export interface LayerNormParams {
  gamma: tf.Tensor1D;
  beta: tf.Tensor1D;
}

export function layerNorm(x: tf.Tensor2D, { gamma, beta }: LayerNormParams, eps: number) {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).div(variance.add(eps).sqrt()).mul(gamma).add(beta) as tf.Tensor2D;
  });
}

export function linear(x: tf.Tensor2D, { weight, bias }: Linear): tf.Tensor2D {
  return tf.tidy(() => x.matMul(weight).add(bias));
}

/** GELU, tanh approximation (GPT-2's): tanh exists on every tfjs backend, erf does not. */
export function gelu(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const inner = x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
    return x.mul(0.5).mul(inner.tanh().add(1));
  });
}

/**
 * 0 where a token may look, a large negative number elsewhere: [tokens, past + tokens].
 * New token i sits at position past + i and sees every position up to its own.
 */
export function causalMask(tokens: number, past = 0): tf.Tensor2D {
  return tf.tidy(() => {
    const keys = tf.range(0, past + tokens).expandDims(0);
    const queries = tf.range(past, past + tokens).expandDims(1);
    return tf.greater(keys, queries).cast('float32').mul(-1e9) as tf.Tensor2D;
  });
}

/** One block's keys and values so far, [heads, tokens, head size]: what decoding reuses. */
export interface KeyValues {
  k: tf.Tensor3D;
  v: tf.Tensor3D;
}

export interface AttentionResult extends KeyValues {
  /** The attention's output [tokens, d_model], before it is added to the residual. */
  output: tf.Tensor2D;
  /** [heads, tokens, past + tokens]: row i, how much token i takes from each position. */
  weights: tf.Tensor3D;
}

export class TinyLMBlock {
  constructor(
    readonly index: number,
    readonly heads: number,
    readonly eps: number,
    readonly ln1: LayerNormParams,
    readonly qkv: Linear,
    readonly proj: Linear,
    readonly ln2: LayerNormParams,
    readonly fc: Linear,
    readonly out: Linear,
  ) {}

  /**
   * Self-attention on the normalised stream. With `past` (the keys and values of earlier
   * tokens), x holds only the new tokens: they attend to the past and to each other, and
   * the result's k and v cover all of them, so generation need not redo the prefix.
   */
  attention(x: tf.Tensor2D, past?: KeyValues): AttentionResult {
    return tf.tidy(() => {
      const [tokens, d] = x.shape;
      const size = d / this.heads;
      const qkv = linear(layerNorm(x, this.ln1, this.eps), this.qkv);
      // [tokens, d] → [heads, tokens, size]
      const split = (part: tf.Tensor) =>
        part.reshape([tokens, this.heads, size]).transpose([1, 0, 2]) as tf.Tensor3D;
      const [q, kNew, vNew] = tf.split(qkv, 3, 1).map(split);
      const k = past ? tf.concat([past.k, kNew], 1) : kNew;
      const v = past ? tf.concat([past.v, vNew], 1) : vNew;
      const mask = causalMask(tokens, past ? past.k.shape[1] : 0);
      const scores = tf.matMul(q, k, false, true).div(Math.sqrt(size)).add(mask);
      const weights = tf.softmax(scores) as tf.Tensor3D;
      const mixed = tf.matMul(weights, v).transpose([1, 0, 2]).reshape([tokens, d]) as tf.Tensor2D;
      return { output: linear(mixed, this.proj), weights, k, v };
    });
  }

  /** The MLP on the normalised stream, applied to each token on its own. */
  mlp(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => linear(gelu(linear(layerNorm(x, this.ln2, this.eps), this.fc)), this.out));
  }

  /** x + attention(x), then + mlp(…): the block's output, same shape as x. */
  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => this.applyCached(x).y);
  }

  /** apply() for new tokens after `past`; also returns the keys and values to keep. */
  applyCached(x: tf.Tensor2D, past?: KeyValues): { y: tf.Tensor2D } & KeyValues {
    return tf.tidy(() => {
      const { output, k, v } = this.attention(x, past);
      const afterAttention = x.add(output) as tf.Tensor2D;
      return { y: afterAttention.add(this.mlp(afterAttention)) as tf.Tensor2D, k, v };
    });
  }

  /** Every weight tensor of the block. */
  tensors(): tf.Tensor[] {
    const layers = [this.qkv, this.proj, this.fc, this.out];
    const norms = [this.ln1, this.ln2];
    return [
      ...layers.flatMap((l) => [l.weight, l.bias]),
      ...norms.flatMap((n) => [n.gamma, n.beta]),
    ];
  }
}
