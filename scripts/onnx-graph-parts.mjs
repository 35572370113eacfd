// The small pieces every ONNX graph this project writes by hand is made of (onnx-proto
// messages): typed inputs and outputs, raw tensor bytes, and nodes named after their output.
import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;
/** Element types (FLOAT, INT64, …) and attribute types (INT, INTS, …). */
export const T = onnx.TensorProto.DataType;
export const A = onnx.AttributeProto.AttributeType;

/** A graph input or output; a string size is a named free dimension ('batch'). */
export function tensorInfo(name, elemType, dims) {
  const dim = dims.map((size) =>
    typeof size === 'string' ? { dimParam: size } : { dimValue: size },
  );
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

/** A typed array's own bytes, copied (onnx-proto keeps a reference). */
export function bytesOf(typed) {
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength).slice();
}

/** A node with one output, named `<output>/<opType>` so graph dumps read well. */
export function node(opType, inputs, output, attributes = []) {
  return {
    opType,
    input: inputs,
    output: [output],
    name: `${output}/${opType}`,
    attribute: attributes,
  };
}
