/**
 * `onnx.summary`: what an ONNX file holds — its operators in order, inputs, outputs and
 * how many weights — so a learner can see the graph the exporter wrote.
 */
import type { onnx } from 'onnx-proto';
import { decodeModel } from './onnx-graph';

export interface OnnxSummary {
  opset: number;
  /** Name and shape of each input, e.g. 'input [batch, 28, 28, 1]'. */
  inputs: string[];
  outputs: string[];
  /** Operator types in graph order, e.g. ['Transpose', 'Conv', 'Relu', …]. */
  operators: string[];
  /** Number of weights (floats) stored in the file. */
  parameters: number;
  bytes: number;
}

export async function summary(bytes: Uint8Array): Promise<OnnxSummary> {
  const model = await decodeModel(bytes);
  const graph = model.graph;
  if (!graph) throw new Error('not an ONNX model: it has no graph');
  const parameters = (graph.initializer ?? []).reduce(
    (sum, t) => sum + (t.dims ?? []).reduce((a: number, b) => a * Number(b), 1),
    0,
  );
  return {
    opset: Number(model.opsetImport?.[0]?.version ?? 0),
    inputs: (graph.input ?? []).map(describeValue),
    outputs: (graph.output ?? []).map(describeValue),
    operators: (graph.node ?? []).map((node) => node.opType ?? '?'),
    parameters,
    bytes: bytes.length,
  };
}

function describeValue(info: onnx.IValueInfoProto): string {
  const dims = info.type?.tensorType?.shape?.dim ?? [];
  const sizes = dims.map((d) => d.dimParam || String(Number(d.dimValue)));
  return `${info.name ?? '?'} [${sizes.join(', ')}]`;
}
