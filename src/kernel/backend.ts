/**
 * Which tfjs backend runs the cells: WebGPU, WebGL, WASM or CPU, measured at start-up.
 *
 * 'auto' tries each in that order, measures a small matmul on those that start, and keeps
 * the fastest. A named backend is used if it starts; otherwise 'auto' runs, with the
 * reason in the trials. The WASM binaries come from the site itself (Vite `?url`
 * imports), never from a CDN.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { activateBackend, measureMatmul } from './backend-measure';
import { fastest, reasonToSkip } from './backend-ranking';
import { registerWasmKernelFixes } from './tfjs-kernels/register-wasm-fixes';
import { BACKENDS, type Backend, type BackendChoice, type BackendTrial } from './protocol';

export async function chooseBackend(
  request: Backend | 'auto',
  baseUrl: string,
): Promise<BackendChoice> {
  configureWasm(baseUrl);
  const threads = false;
  if (request !== 'auto') {
    const trial = await tryBackend(request);
    if (trial.ok) return { backend: request, reason: 'requested', trials: [trial], threads };
    const auto = await measureAll([trial]);
    return { ...auto, trials: [trial, ...auto.trials], threads };
  }
  return { ...(await measureAll()), threads };
}

function configureWasm(baseUrl: string): void {
  // Vite gives root-relative URLs in development and absolute ones in a build; resolving
  // against the site root covers both.
  setWasmPaths({
    'tfjs-backend-wasm.wasm': new URL(wasmPlainUrl, baseUrl).href,
    'tfjs-backend-wasm-simd.wasm': new URL(wasmSimdUrl, baseUrl).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedUrl, baseUrl).href,
  });
  // The threaded build hangs in minified production builds even when the page is
  // cross-origin isolated (`e is not defined` in its helper threads; see STACK-NOTES).
  // Why: tfjs-backend-wasm (backend_wasm.js `init`) gives Emscripten's pthread workers
  // `new Blob(['var WasmBackendModuleThreadedSimd = ' + wasmFactoryThreadedSimd.toString()])`
  // as their main script. In our bundle that factory is the inner function of a CommonJS
  // wrapper, and minified it refers to module-scope names (`_scriptDir` and helpers, renamed
  // `e`, …) that do not exist inside the Blob. A fix to try: ship the unminified
  // `wasm-out/tfjs-backend-wasm-threaded-simd.js` as an asset and substitute its text for that
  // Blob during `setBackend` (or exclude the file from minification). Until one is verified
  // in a build, threads stay off, isolated or not, and `playgrad serve` sends no COOP/COEP.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // A missing Conv2DBackpropFilter and a slow transposed BatchMatMul (tfjs 4.22).
  registerWasmKernelFixes();
}

/** Live tensors now (`tf.memory().numTensors`): lessons must end where they started. */
export function liveTensorCount(): number {
  return tf.memory().numTensors;
}

async function measureAll(
  earlier: readonly BackendTrial[] = [],
): Promise<Omit<BackendChoice, 'threads'>> {
  const trials: BackendTrial[] = [];
  for (const backend of BACKENDS) {
    // A requested backend that just failed is not tried twice.
    if (earlier.some((trial) => trial.backend === backend && !trial.ok)) continue;
    const skip = reasonToSkip(backend, trials);
    trials.push(skip ? { backend, ok: false, error: skip } : await tryBackend(backend));
  }
  const best = fastest(trials);
  await activateBackend(best);
  return { backend: best, reason: 'measured', trials };
}

async function tryBackend(backend: Backend): Promise<BackendTrial> {
  try {
    await activateBackend(backend);
    const gflops = await measureMatmul();
    return { backend, ok: true, gflops: Math.round(gflops * 100) / 100 };
  } catch (error) {
    return { backend, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
