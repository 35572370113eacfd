/**
 * `onnx.exportModel`: a tfjs LayersModel (a chain of Conv2D, MaxPooling2D,
 * AveragePooling2D, Flatten, Dense, Dropout, Activation, ReLU, Softmax layers) turned
 * into the bytes of an ONNX model, so it can run outside the notebook (onnxruntime,
 * on a server or a phone).
 *
 * Layout: tfjs images are NHWC (channels last); ONNX's Conv and MaxPool want NCHW. The
 * exported model keeps the tfjs input (NHWC), transposes to NCHW before the first
 * convolution, and back to NHWC before Flatten, so the flattened order — and hence the
 * Dense weights — are exactly those tfjs trained.
 *
 * @example
 * const bytes = await onnx.exportModel(model);   // Uint8Array, a .onnx file
 */
import type * as tf from '@tensorflow/tfjs';
import { encodeModel, floatValueInfo, OnnxGraph } from './onnx-graph';
import { convKernelToOihw, layerSettings, type LayerSettings } from './onnx-layers';

export interface ExportOptions {
  /** The graph's name (default: the model's name). */
  name?: string;
}

/** ONNX operator set the exported models use (onnxruntime 1.22 runs up to 22). */
export const OPSET = 13;
/** ONNX IR version written in the file (IR 7 goes with opset 13). */
const IR_VERSION = 7;

type Layout = 'NHWC' | 'NCHW';

interface Flow {
  name: string;
  rank: number;
  layout: Layout;
}

export async function exportModel(
  model: tf.LayersModel,
  options: ExportOptions = {},
): Promise<Uint8Array> {
  const graph = new OnnxGraph();
  const inputShape = model.inputs[0].shape;
  const outputShape = model.outputs[0].shape;
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new Error('exportModel handles models with one input and one output');
  }
  const inputName = graph.uniqueName('input');
  let flow: Flow = { name: inputName, rank: inputShape.length, layout: 'NHWC' };
  for (const layer of model.layers) {
    if (layer.inboundNodes.some((node) => node.inboundLayers.length > 1)) {
      throw new Error(`${layer.name}: exportModel handles a chain of layers, not merges`);
    }
    flow = addLayer(graph, layerSettings(layer), flow);
  }
  flow = toLayout(graph, flow, 'NHWC');
  const outputName = graph.addNode('Identity', [flow.name], 'output');
  const bytes = await encodeModel({
    irVersion: IR_VERSION,
    producerName: 'playgrad',
    opsetImport: [{ domain: '', version: OPSET }],
    graph: {
      name: options.name ?? model.name,
      node: graph.nodes,
      initializer: graph.initializers,
      input: [floatValueInfo(inputName, inputShape)],
      output: [floatValueInfo(outputName, outputShape)],
    },
  });
  return bytes;
}

function addLayer(graph: OnnxGraph, layer: LayerSettings, flow: Flow): Flow {
  const base = layer.name;
  switch (layer.kind) {
    case 'input':
    case 'dropout': // Dropout only acts during training: at inference it is the identity.
      return flow;
    case 'conv2d': {
      const x = toLayout(graph, flow, 'NCHW');
      const [kh, kw, cin, cout] = layer.kernelShape;
      const w = graph.addFloats(
        `${base}/kernel`,
        [cout, cin, kh, kw],
        convKernelToOihw(layer.kernel, layer.kernelShape),
      );
      const inputs = [x.name, w];
      if (layer.bias) inputs.push(graph.addFloats(`${base}/bias`, [cout], layer.bias));
      const y = graph.addNode('Conv', inputs, base, {
        kernel_shape: [kh, kw],
        strides: layer.strides,
        dilations: layer.dilations,
        ...padding(layer.padding),
      });
      return activate(graph, { ...x, name: y }, layer.activation, base);
    }
    case 'maxpool':
    case 'avgpool': {
      const x = toLayout(graph, flow, 'NCHW');
      const op = layer.kind === 'maxpool' ? 'MaxPool' : 'AveragePool';
      // tfjs's average pooling with 'same' ignores the padded cells, as ONNX's default.
      const y = graph.addNode(op, [x.name], base, {
        kernel_shape: layer.poolSize,
        strides: layer.strides,
        ...padding(layer.padding),
      });
      return { ...x, name: y };
    }
    case 'flatten': {
      const x = toLayout(graph, flow, 'NHWC');
      const y = graph.addNode('Flatten', [x.name], base, { axis: 1 });
      return { name: y, rank: 2, layout: 'NHWC' };
    }
    case 'dense': {
      const x = toLayout(graph, flow, 'NHWC');
      const kernel = graph.addFloats(`${base}/kernel`, layer.kernelShape, layer.kernel);
      // MatMul + Add applies to the last axis for any rank, as tfjs's Dense does.
      let y = graph.addNode('MatMul', [x.name, kernel], `${base}/matmul`);
      if (layer.bias) {
        const bias = graph.addFloats(`${base}/bias`, [layer.bias.length], layer.bias);
        y = graph.addNode('Add', [y, bias], base);
      }
      return activate(graph, { ...x, name: y }, layer.activation, base);
    }
    case 'activation':
      return activate(graph, flow, layer.activation, base);
  }
}

function padding(mode: 'valid' | 'same'): Record<string, string> {
  // tfjs's 'same' puts the odd extra padding row/column at the end: SAME_UPPER.
  return { auto_pad: mode === 'same' ? 'SAME_UPPER' : 'VALID' };
}

function activate(graph: OnnxGraph, flow: Flow, activation: string, base: string): Flow {
  const ops: Record<string, string> = {
    relu: 'Relu',
    sigmoid: 'Sigmoid',
    tanh: 'Tanh',
    softmax: 'Softmax',
    elu: 'Elu',
    softplus: 'Softplus',
  };
  if (activation === 'linear') return flow;
  const op = ops[activation];
  if (!op) throw new Error(`${base}: activation '${activation}' is not supported`);
  // Softmax is over the last axis in tfjs: that axis must be the channels (NHWC).
  const x = op === 'Softmax' ? toLayout(graph, flow, 'NHWC') : flow;
  const attributes: Record<string, number> = op === 'Softmax' ? { axis: -1 } : {};
  const y = graph.addNode(op, [x.name], `${base}/${activation}`, attributes);
  return { ...x, name: y };
}

function toLayout(graph: OnnxGraph, flow: Flow, layout: Layout): Flow {
  if (flow.rank !== 4 || flow.layout === layout) return flow;
  const perm = layout === 'NCHW' ? [0, 3, 1, 2] : [0, 2, 3, 1];
  const name = graph.addNode('Transpose', [flow.name], `to_${layout.toLowerCase()}`, { perm });
  return { name, rank: 4, layout };
}
