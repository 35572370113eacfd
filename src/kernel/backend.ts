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
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { activateBackend, measureMatmul } from './backend-measure';
import { fastest, reasonToSkip } from './backend-ranking';
import { registerWasmKernelFixes } from './tfjs-kernels/register-wasm-fixes';
import {
  BACKENDS,
  type Backend,
  type BackendChoice,
  type BackendTrial,
} from '../protocol/messages';

export async function chooseBackend(
  request: Backend | 'auto',
  baseUrl: string,
): Promise<BackendChoice> {
  configureWasm(baseUrl);
  if (request !== 'auto') {
    const trial = await tryBackend(request);
    if (trial.ok) return withThreads({ backend: request, reason: 'requested', trials: [trial] });
    const auto = await measureAll([trial]);
    return withThreads({ ...auto, trials: [trial, ...auto.trials] });
  }
  return withThreads(await measureAll());
}

/** Adds how many threads WASM really runs on (tfjs reports it once WASM started). */
function withThreads(choice: Omit<BackendChoice, 'threads'>): BackendChoice {
  if (choice.backend !== 'wasm') return { ...choice, threads: false };
  let count: number;
  try {
    count = getThreadsCount();
  } catch {
    return { ...choice, threads: false }; // not reached: WASM started to be chosen
  }
  return count > 1
    ? { ...choice, threads: true, threadCount: count }
    : { ...choice, threads: false };
}

function configureWasm(baseUrl: string): void {
  // Vite gives root-relative URLs in development and absolute ones in a build; resolving
  // against the site root covers both.
  setWasmPaths({
    'tfjs-backend-wasm.wasm': new URL(wasmPlainUrl, baseUrl).href,
    'tfjs-backend-wasm-simd.wasm': new URL(wasmSimdUrl, baseUrl).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedUrl, baseUrl).href,
  });
  // Threads when the page is cross-origin isolated (`playgrad serve --isolated`, or a host
  // sending COOP/COEP), one thread otherwise: never required. scripts/vite/
  // tfjs-wasm-threads-plugin.ts makes the helper threads start in a minified build ("e is
  // not defined") and stops tfjs halving the core count (2 cores would give 1 thread).
  // A second kernel in the same page was once reported to crash at start; it did not
  // reproduce on 2 real threads (all lessons in one runner page, 12 kernels in a row, Stop
  // mid-matmul) and tests/e2e/threads.test.ts guards it: each kernel is its own worker
  // with its own tfjs module state, pthread pool and shared memory.
  const threaded = wasmThreadsAvailable();
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threaded);
  if (threaded) setThreadsCount(wasmThreadCount());
  // A missing Conv2DBackpropFilter and a slow transposed BatchMatMul (tfjs 4.22).
  registerWasmKernelFixes();
}

/**
 * tfjs' threaded build (Emscripten) starts this many helper workers up front. A thread
 * beyond them would need a worker that only starts once the kernel returns to the event
 * loop, which XNNPACK's thread pool does not do while it waits for its threads.
 */
const WASM_THREAD_POOL_SIZE = 8;

/** One thread per logical core, as many as tfjs' prebuilt pool holds. */
export function wasmThreadCount(): number {
  const cores = navigator.hardwareConcurrency;
  return Number.isInteger(cores) && cores > 0 ? Math.min(cores, WASM_THREAD_POOL_SIZE) : 1;
}

/** Whether WASM may run on several threads here: an isolated page with more than one core. */
export function wasmThreadsAvailable(): boolean {
  return (
    self.crossOriginIsolated === true &&
    typeof SharedArrayBuffer === 'function' &&
    wasmThreadCount() > 1
  );
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
