/**
 * What the ONNX exporter needs from each tfjs layer, read from its class name, its
 * config and its weights — one narrow, typed description per kind of layer.
 */
import type * as tf from '@tensorflow/tfjs';

type Padding = 'valid' | 'same';

export type LayerSettings = { name: string } & (
  | { kind: 'input' | 'dropout' | 'flatten' }
  | { kind: 'activation'; activation: string }
  | {
      kind: 'conv2d';
      /** tfjs order: [kh, kw, in channels, out channels]. */
      kernelShape: [number, number, number, number];
      kernel: Float32Array;
      bias?: Float32Array;
      strides: number[];
      dilations: number[];
      padding: Padding;
      activation: string;
    }
  | { kind: 'maxpool' | 'avgpool'; poolSize: number[]; strides: number[]; padding: Padding }
  | {
      kind: 'dense';
      /** [inputs, units]. */
      kernelShape: [number, number];
      kernel: Float32Array;
      bias?: Float32Array;
      activation: string;
    }
);

export function layerSettings(layer: tf.layers.Layer): LayerSettings {
  const name = layer.name;
  const kind = layer.getClassName();
  const config = layer.getConfig() as Record<string, unknown>;
  if (config.dataFormat !== undefined && config.dataFormat !== 'channelsLast') {
    throw new Error(`${name}: only channelsLast (NHWC) layers can be exported`);
  }
  switch (kind) {
    case 'InputLayer':
      return { name, kind: 'input' };
    case 'Dropout':
    case 'SpatialDropout1D':
      return { name, kind: 'dropout' };
    case 'Flatten':
      return { name, kind: 'flatten' };
    case 'Activation':
      return { name, kind: 'activation', activation: text(config, 'activation', name) };
    case 'ReLU':
      if (config.maxValue != null) throw new Error(`${name}: ReLU with maxValue is not supported`);
      return { name, kind: 'activation', activation: 'relu' };
    case 'Softmax':
      if (config.axis !== undefined && config.axis !== -1) {
        throw new Error(`${name}: only softmax over the last axis is supported`);
      }
      return { name, kind: 'activation', activation: 'softmax' };
    case 'Conv2D': {
      const [kernel, bias] = weights(layer);
      const shape = kernel.shape;
      if (shape.length !== 4) throw new Error(`${name}: kernel is not 4-D`);
      return {
        name,
        kind: 'conv2d',
        kernelShape: [shape[0], shape[1], shape[2], shape[3]],
        kernel: kernel.values,
        bias: bias?.values,
        strides: pair(config, 'strides', name),
        dilations: pair(config, 'dilationRate', name),
        padding: paddingOf(config, name),
        activation: text(config, 'activation', name),
      };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const poolSize = pair(config, 'poolSize', name);
      return {
        name,
        kind: kind === 'MaxPooling2D' ? 'maxpool' : 'avgpool',
        poolSize,
        // Keras: strides default to the pool size.
        strides: config.strides == null ? poolSize : pair(config, 'strides', name),
        padding: paddingOf(config, name),
      };
    }
    case 'Dense': {
      const [kernel, bias] = weights(layer);
      return {
        name,
        kind: 'dense',
        kernelShape: [kernel.shape[0], kernel.shape[1]],
        kernel: kernel.values,
        bias: bias?.values,
        activation: text(config, 'activation', name),
      };
    }
    default:
      throw new Error(`${name}: layers of type ${kind} cannot be exported yet`);
  }
}

/**
 * Reorders a tfjs conv kernel [kh, kw, cin, cout] into ONNX's [cout, cin, kh, kw].
 */
export function convKernelToOihw(
  kernel: Float32Array,
  [kh, kw, cin, cout]: [number, number, number, number],
): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let y = 0; y < kh; y++) {
    for (let x = 0; x < kw; x++) {
      for (let i = 0; i < cin; i++) {
        for (let o = 0; o < cout; o++) {
          const from = ((y * kw + x) * cin + i) * cout + o;
          const to = ((o * cin + i) * kh + y) * kw + x;
          out[to] = kernel[from];
        }
      }
    }
  }
  return out;
}

interface WeightValues {
  shape: number[];
  values: Float32Array;
}

function weights(layer: tf.layers.Layer): WeightValues[] {
  // The layer's own variables: read their values, never dispose them.
  return layer.weights.map((variable) => {
    const value = variable.read();
    return { shape: value.shape, values: Float32Array.from(value.dataSync()) };
  });
}

function text(config: Record<string, unknown>, key: string, layer: string): string {
  const value = config[key];
  if (typeof value !== 'string') throw new Error(`${layer}: ${key} is not a name`);
  return value;
}

function pair(config: Record<string, unknown>, key: string, layer: string): number[] {
  const value = config[key];
  const list = typeof value === 'number' ? [value, value] : value;
  if (!Array.isArray(list) || list.length !== 2 || !list.every((v) => typeof v === 'number')) {
    throw new Error(`${layer}: ${key} should be two numbers`);
  }
  return list as number[];
}

function paddingOf(config: Record<string, unknown>, layer: string): Padding {
  const value = config.padding;
  if (value === 'valid' || value === 'same') return value;
  throw new Error(`${layer}: padding '${String(value)}' is not supported`);
}
