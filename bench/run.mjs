#!/usr/bin/env node
// `node bench/run.mjs [--backends wasm,cpu] [--only mlp,cnn,hnsw] [--no-browser] [--no-node] [--stock]
//  [--no-threads] [--no-torch] [--torch-rounds N] [--prod-mode]`: WASM also runs on a cross-origin
//  isolated site (multi-threaded) unless --no-threads. The MLP and CNN also run in N (5) interleaved
//  rounds against native PyTorch (Debian's python3-torch via /usr/bin/python3 or $TORCH_PYTHON; not
//  in CI, skipped with a message when torch is missing); --prod-mode adds an A/B of the notebooks
//  with tf.enableProdMode() in those rounds.
// Runs bench/notebooks/*.md in headless Chromium (each backend) and under Node as the
// reference, then prints a table. tsx compiles the TypeScript on the fly, as bin/playgrad does.
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

register();
// After tsx, so that this hook runs first: Vite's `?url` imports (see url-imports.mjs).
registerHooks('./url-imports.mjs', import.meta.url);
const { main } = await import('./bench.ts');
process.exitCode = await main(process.argv.slice(2));
