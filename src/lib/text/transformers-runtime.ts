/**
 * Transformers.js, loaded once in the kernel and set up to work offline: models come from
 * the site's own `models/` folder, and onnxruntime's WASM from the site too — never from a
 * hub or a CDN. Only `withHubModels` (the learner asked for an online model) lets it
 * reach the Hugging Face hub, for that one load.
 *
 * Cells get this same configured module when they write
 * `import { pipeline, env } from '@huggingface/transformers'`.
 */
import type {
  FeatureExtractionPipeline,
  PretrainedModelOptions,
  TextGenerationPipeline,
} from '@huggingface/transformers';
import { kernelContext } from '../context';
// vite.config.ts maps Transformers.js' `onnxruntime-web` import to its WASM-only build, so
// it shares this one WASM file with `onnx.load` (src/lib/onnx-runtime.ts) instead of
// shipping the 21 MB WebGPU build as well. The package's `exports` hide dist/.
import ortWasmUrl from '../../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm?url';
import ortGlueUrl from '../../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.mjs?url';

export type Transformers = typeof import('@huggingface/transformers');

/**
 * `pipeline('feature-extraction', …)` with its type spelled out: the library's generic
 * signature is a union too complex for TypeScript to check.
 */
export type FeatureExtractionFactory = (
  task: 'feature-extraction',
  model: string,
  options?: PretrainedModelOptions,
) => Promise<FeatureExtractionPipeline>;

/** The feature-extraction pipeline factory of the configured module. */
export async function featureExtraction(): Promise<FeatureExtractionFactory> {
  const { pipeline } = await loadTransformers();
  return pipeline as unknown as FeatureExtractionFactory;
}

/** Which weights file a model loads: 'fp32', 'q8', 'q4', … */
export type ModelDtype = Extract<PretrainedModelOptions['dtype'], string>;

/** `pipeline('text-generation', …)`, typed like `FeatureExtractionFactory`. */
export type TextGenerationFactory = (
  task: 'text-generation',
  model: string,
  options?: PretrainedModelOptions,
) => Promise<TextGenerationPipeline>;

/** The text-generation pipeline factory of the configured module. */
export async function textGeneration(): Promise<TextGenerationFactory> {
  const { pipeline } = await loadTransformers();
  return pipeline as unknown as TextGenerationFactory;
}

/** The folder, under the site root, that holds the shipped models. */
export const MODELS_FOLDER = 'models/';

let loading: Promise<Transformers> | undefined;

/** The configured Transformers.js module (loaded on first use: ≈ 200 KB of JS). */
export function loadTransformers(): Promise<Transformers> {
  loading ??= import('@huggingface/transformers').then((transformers) => {
    configureOffline(transformers, kernelContext().baseUrl);
    return transformers;
  });
  return loading;
}

function configureOffline({ env }: Transformers, baseUrl: string): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useBrowserCache = false;
  // Node's file cache (unit tests) would hide a rebuilt model behind an old copy.
  env.useFSCache = false;
  env.localModelPath = new URL(MODELS_FOLDER, baseUrl).href;
  const wasm = env.backends.onnx.wasm;
  // In Node (unit tests) Transformers.js runs onnxruntime-node, which ignores these.
  if (wasm) {
    const here = globalThis.location?.href ?? baseUrl;
    wasm.wasmPaths = { wasm: new URL(ortWasmUrl, here).href, mjs: new URL(ortGlueUrl, here).href };
    // Threads need a cross-origin isolated page and would compete with tfjs.
    wasm.numThreads = 1;
    wasm.proxy = false;
  }
}

/**
 * Runs `load` with the hub models the browser keeps (Cache Storage 'transformers-cache')
 * readable and, when `download` is set (the learner asked for an online model and is
 * online), with downloads from the Hugging Face hub allowed; then turns both off again.
 * Off, the shipped models are not copied into that cache (the service worker already
 * keeps them), and nothing else can reach the network.
 */
export async function withHubModels<T>(
  load: () => Promise<T>,
  { download }: { download: boolean },
): Promise<T> {
  const { env } = await loadTransformers();
  env.allowRemoteModels = download;
  // Node (unit tests) has no Cache Storage.
  env.useBrowserCache = typeof caches !== 'undefined';
  try {
    return await load();
  } finally {
    env.allowRemoteModels = false;
    env.useBrowserCache = false;
  }
}
