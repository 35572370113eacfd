/**
 * ONNX, imported as `onnx`: how a model leaves the notebook. `exportModel` turns a tfjs
 * LayersModel into the bytes of a `.onnx` file; `load` runs such bytes with
 * onnxruntime-web; `summary` lists what is inside.
 *
 * @example
 * import { onnx } from 'playgrad';
 * const bytes = await onnx.exportModel(model);
 * const session = await onnx.load(bytes);
 * const { data } = await session.run(images);
 */
export { exportModel, OPSET, type ExportOptions } from './onnx-export';
export { load, type OnnxSession, type OnnxOutput, type TensorLike } from './onnx-runtime';
export { summary, type OnnxSummary } from './onnx-summary';
