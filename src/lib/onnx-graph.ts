/**
 * A small builder for an ONNX graph: nodes, weights (initializers) and unique names.
 *
 * It produces plain `onnx-proto` message objects; only `encodeModel` needs the protobuf
 * runtime, which is loaded on first use so the kernel does not carry it for every lesson.
 */
import type { onnx } from 'onnx-proto';

/** ONNX's element type for float32 (TensorProto.DataType.FLOAT). */
const FLOAT = 1;

/** Attribute kinds we write (AttributeProto.AttributeType). */
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_STRING = 3;
const ATTR_INTS = 7;

export type AttributeValue = number | string | number[];

export class OnnxGraph {
  readonly nodes: onnx.INodeProto[] = [];
  readonly initializers: onnx.ITensorProto[] = [];
  private readonly used = new Set<string>();

  /** A name not used yet in this graph, e.g. `conv2d_1/kernel` or `conv2d_1/kernel_2`. */
  uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Adds a float32 weight; returns its name. */
  addFloats(base: string, dims: number[], values: Float32Array): string {
    const expected = dims.reduce((a, b) => a * b, 1);
    if (values.length !== expected) {
      throw new Error(`${base}: ${values.length} values for shape [${dims.join(', ')}]`);
    }
    const name = this.uniqueName(base);
    // rawData is little-endian bytes; copying makes it independent of the source buffer.
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
    this.initializers.push({ name, dims, dataType: FLOAT, rawData: bytes });
    return name;
  }

  /** Adds a node with one output; returns the output's name. */
  addNode(
    opType: string,
    inputs: string[],
    base: string,
    attributes: Record<string, AttributeValue> = {},
  ): string {
    const output = this.uniqueName(base);
    this.nodes.push({
      opType,
      input: inputs,
      output: [output],
      name: this.uniqueName(`${base}/${opType}`),
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return output;
  }
}

function attribute(name: string, value: AttributeValue): onnx.IAttributeProto {
  if (typeof value === 'string') {
    return { name, type: ATTR_STRING, s: new TextEncoder().encode(value) };
  }
  if (Array.isArray(value)) return { name, type: ATTR_INTS, ints: value };
  if (Number.isInteger(value)) return { name, type: ATTR_INT, i: value };
  return { name, type: ATTR_FLOAT, f: value };
}

/** A float32 tensor's name, type and shape; `null` dims are a named free size (the batch). */
export function floatValueInfo(name: string, shape: (number | null)[]): onnx.IValueInfoProto {
  const dim = shape.map((size) => (size === null ? { dimParam: 'batch' } : { dimValue: size }));
  return { name, type: { tensorType: { elemType: FLOAT, shape: { dim } } } };
}

/** Serializes a model to the bytes of a `.onnx` file. */
export async function encodeModel(model: onnx.IModelProto): Promise<Uint8Array> {
  // onnx-proto is CommonJS: its namespace arrives as the default export.
  const imported: unknown = await import('onnx-proto');
  const proto = onnxNamespace(imported);
  return proto.ModelProto.encode(model).finish();
}

/** Parses `.onnx` bytes back into a message (for summaries and tests). */
export async function decodeModel(bytes: Uint8Array): Promise<onnx.ModelProto> {
  const imported: unknown = await import('onnx-proto');
  return onnxNamespace(imported).ModelProto.decode(bytes);
}

function onnxNamespace(imported: unknown): typeof onnx {
  const candidates = [imported, (imported as { default?: unknown }).default];
  for (const candidate of candidates) {
    const ns = (candidate as { onnx?: typeof onnx } | undefined)?.onnx;
    if (ns?.ModelProto) return ns;
  }
  throw new Error('onnx-proto did not load: no onnx.ModelProto');
}
