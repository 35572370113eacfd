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
  // Threads stay off for now, isolated or not. Two problems were found: (1) in a minified
  // build the helper threads failed with "e is not defined" — fixed by
  // scripts/vite/tfjs-wasm-threads-plugin.ts (verified: with COOP/COEP a lesson runs on 2
  // threads, the MLP lesson ~20% faster under load); (2) still open: on an isolated page, a
  // second kernel started in the same page (the runner runs notebooks one after another)
  // crashed at start-up. Enable with `wasmThreadsAvailable()` once (2) is understood.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // A missing Conv2DBackpropFilter and a slow transposed BatchMatMul (tfjs 4.22).
  registerWasmKernelFixes();
}

/** Whether this page could run WASM threads (see configureWasm for why they are off). */
export function wasmThreadsAvailable(): boolean {
  return self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
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
