import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { contentPlugin } from './scripts/vite/content-plugin';

// The site is static and must work from any sub-path (GitHub Pages): relative base,
// hash routing in the app, no server rewrites.
export default defineConfig({
  base: './',
  // 'mpa' makes a missing file a 404 instead of index.html with status 200,
  // so a missing dataset or model fails with a clear message.
  appType: 'mpa',
  plugins: [svelte(), contentPlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rollupOptions: {
      // The lesson app, and the page `playgrad run` drives in headless Chromium.
      input: { main: 'index.html', runner: 'runner.html' },
    },
    // Plotly (4.6 MB) is one lazily loaded chunk; nothing else comes close.
    chunkSizeWarningLimit: 5000,
  },
  optimizeDeps: {
    // Packages imported inside the worker are found late by the dev server, which then
    // reloads the page; listing them up front avoids that.
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgpu',
      'sucrase',
      'acorn',
      'periscopic',
      'magic-string',
      'pretty-format',
      'seedrandom',
      'd3-dsv',
    ],
  },
});
