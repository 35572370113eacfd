/**
 * Makes tfjs' threaded WASM backend work in a minified build.
 *
 * tfjs-backend-wasm 4.22 (`dist/backend_wasm.js`, `init`) gives Emscripten's pthread
 * workers `new Blob(['var WasmBackendModuleThreadedSimd = ' + factory.toString()])` as
 * their main script. Bundled and minified, that factory refers to names of its enclosing
 * module (renamed `e`, …) that do not exist inside the Blob, so the helper threads fail
 * with "e is not defined" and `setBackend('wasm')` never resolves. This plugin hands the
 * threads the package's own, self-contained `wasm-out/tfjs-backend-wasm-threaded-simd.js`
 * text instead (imported with `?raw`, so no minifier touches it).
 */
import type { Plugin } from 'vite';

const TARGET = /@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;
const BLOB_SOURCE =
  /\[`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)\]/;
const RAW_IMPORT =
  "import playgradThreadedSimdSource from '../wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';\n";

export function tfjsWasmThreadsPlugin(): Plugin {
  return {
    name: 'playgrad:tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!TARGET.test(id.split('?')[0])) return undefined;
      if (!BLOB_SOURCE.test(code)) {
        // A tfjs upgrade changed the code: fail loudly rather than ship hanging threads.
        this.error('tfjs-backend-wasm changed: update scripts/vite/tfjs-wasm-threads-plugin.ts');
      }
      return {
        code: RAW_IMPORT + code.replace(BLOB_SOURCE, '[playgradThreadedSimdSource]'),
        map: null,
      };
    },
  };
}
