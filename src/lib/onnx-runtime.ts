/**
 * `onnx.load`: runs an ONNX model with onnxruntime-web (its WASM build, one thread), in
 * the kernel worker. The runtime and its WASM file are served by the site — Vite copies
 * the file and gives its URL — never fetched from a CDN.
 *
 * @example
 * const session = await onnx.load(bytes);
 * const { data, dims } = await session.run(images);  // tf.Tensor or Float32Array + shape
 */
import type * as Ort from 'onnxruntime-common';
// The package's `exports` hide dist/, so the WASM file is addressed by path.
import ortWasmUrl from '../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm?url';
// This onnxruntime-web build does not embed its Emscripten glue in the bundle (its
// `embeddedWasmModule` is undefined), so the .mjs is served and addressed too.
import ortGlueUrl from '../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.mjs?url';

/** Something with values and a shape: a tf.Tensor fits. */
export interface TensorLike {
  shape: number[];
  dataSync(): ArrayLike<number>;
}

export interface OnnxOutput {
  data: Float32Array;
  dims: number[];
}

export interface OnnxSession {
  inputName: string;
  outputName: string;
  /** Runs the model on one input; `shape` is needed for a plain Float32Array. */
  run(input: TensorLike | Float32Array, shape?: number[]): Promise<OnnxOutput>;
  /** Frees the runtime's memory for this model. */
  release(): Promise<void>;
}

let runtime: Promise<typeof Ort> | undefined;

/** Loads onnxruntime-web once, pointed at the site's own copy of its WASM. */
function loadRuntime(): Promise<typeof Ort> {
  runtime ??= import('onnxruntime-web/wasm').then((ort) => {
    const here = self.location.href;
    ort.env.wasm.wasmPaths = {
      wasm: new URL(ortWasmUrl, here).href,
      mjs: new URL(ortGlueUrl, here).href,
    };
    // Threads need a cross-origin isolated page and would compete with tfjs.
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    return ort;
  });
  return runtime;
}

export async function load(model: Uint8Array): Promise<OnnxSession> {
  const ort = await loadRuntime();
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
  const inputName = session.inputNames[0];
  const outputName = session.outputNames[0];
  return {
    inputName,
    outputName,
    async run(input, shape) {
      const dims = input instanceof Float32Array ? shape : input.shape;
      if (!dims) throw new Error('run(values, shape): a Float32Array needs its shape');
      const values = input instanceof Float32Array ? input : Float32Array.from(input.dataSync());
      const feed = new ort.Tensor('float32', values, dims);
      const results = await session.run({ [inputName]: feed });
      const out = results[outputName];
      const data = out.data;
      if (!(data instanceof Float32Array)) throw new Error(`${outputName} is not float32`);
      return { data, dims: [...out.dims] };
    },
    release: () => session.release(),
  };
}
