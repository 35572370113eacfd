/**
 * The modules cells can `import`, by the name they write in the import.
 *
 * Each entry is a dynamic import, so a cell that imports nothing does not load it, and
 * Vite bundles each into the site: nothing comes from a CDN. To add a module:
 *   1. add the package to package.json (and to `optimizeDeps.include` in vite.config.ts,
 *      since it is imported inside the worker),
 *   2. add a line here: `'name': () => import('name')`,
 *   3. document it for lesson authors.
 * The names are also what the "Cannot import" error lists.
 *
 * tfjs is the very instance backend.ts registered the backends on (one module graph).
 */
import * as playgrad from '../lib/index';
import { loadTransformers } from '../lib/text/transformers-runtime';
import type { ModuleMap } from './execute';

export const CELL_MODULES: ModuleMap = {
  '@tensorflow/tfjs': () => import('@tensorflow/tfjs'),
  // Set up offline: models from the site's models/ folder, its own WASM (see the file).
  '@huggingface/transformers': loadTransformers,
  // Already loaded: the kernel formats results and console output with it.
  playgrad: async () => playgrad,
  // The official MCP SDK (week 12): a server and a client talking in the kernel, in memory.
  '@modelcontextprotocol/sdk/server/mcp.js': () =>
    import('@modelcontextprotocol/sdk/server/mcp.js'),
  '@modelcontextprotocol/sdk/client/index.js': () =>
    import('@modelcontextprotocol/sdk/client/index.js'),
  '@modelcontextprotocol/sdk/inMemory.js': () => import('@modelcontextprotocol/sdk/inMemory.js'),
  '@modelcontextprotocol/sdk/types.js': () => import('@modelcontextprotocol/sdk/types.js'),
  // Tool arguments are described and checked with zod schemas (the SDK's own choice).
  zod: () => import('zod'),
};

export const CELL_MODULE_NAMES: readonly string[] = Object.keys(CELL_MODULES);
