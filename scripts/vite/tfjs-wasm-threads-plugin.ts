/**
 * Makes tfjs' threaded WASM backend (tfjs-backend-wasm 4.22) work in a Vite build, and
 * run on the number of threads Playgrad asks for.
 *
 * 1. `dist/backend_wasm.js` (`init`) gives Emscripten's pthread workers
 *    `new Blob(['var WasmBackendModuleThreadedSimd = ' + factory.toString()])` as their
 *    main script. Bundled and minified, that factory refers to names of its enclosing
 *    module (renamed `e`, …) that do not exist inside the Blob, so the helper threads fail
 *    with "e is not defined" and `setBackend('wasm')` never resolves. The threads get the
 *    package's own, self-contained `wasm-out/tfjs-backend-wasm-threaded-simd.js` text
 *    instead (imported with `?raw`, so no minifier touches it).
 * 2. tfjs' C++ caps its thread pool at `navigator.hardwareConcurrency / 2` (it assumes two
 *    hyperthreads per core), read once through Emscripten's
 *    `emscripten_num_logical_cores()`: on a two-core machine `setThreadsCount(2)` still
 *    gives one thread. The threaded glue reports twice the logical cores instead, so the
 *    count set with `setThreadsCount` (src/kernel/backend.ts) is what runs; tfjs' own cap
 *    of 8 (its prebuilt pool of workers) stays.
 */
import type { Plugin } from 'vite';

const BACKEND = /@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;
const BLOB_SOURCE =
  /\[`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)\]/;
const RAW_IMPORT =
  "import playgradThreadedSimdSource from '../wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';\n";

const THREADED_GLUE =
  /@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const LOGICAL_CORES = 'return navigator["hardwareConcurrency"]}';
const DOUBLED_CORES = 'return 2*navigator["hardwareConcurrency"]}';

export function tfjsWasmThreadsPlugin(): Plugin {
  return {
    name: 'playgrad:tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      // `?raw` and other queries are other modules made from the same file: left alone.
      if (id.includes('?')) return undefined;
      if (BACKEND.test(id)) {
        if (!BLOB_SOURCE.test(code)) this.error(changed('backend_wasm.js'));
        return {
          code: RAW_IMPORT + code.replace(BLOB_SOURCE, '[playgradThreadedSimdSource]'),
          map: null,
        };
      }
      if (THREADED_GLUE.test(id)) {
        if (code.split(LOGICAL_CORES).length !== 2) {
          this.error(changed('tfjs-backend-wasm-threaded-simd.js'));
        }
        return { code: code.replace(LOGICAL_CORES, DOUBLED_CORES), map: null };
      }
      return undefined;
    },
  };
}

/** A tfjs upgrade changed the code: fail the build loudly rather than ship broken threads. */
function changed(file: string): string {
  return `tfjs-backend-wasm changed (${file}): update scripts/vite/tfjs-wasm-threads-plugin.ts`;
}
