import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { contentPlugin } from './scripts/vite/content-plugin';
import { kernelFrameCspPlugin } from './scripts/vite/kernel-frame-csp-plugin';
import { tfjsWasmThreadsPlugin } from './scripts/vite/tfjs-wasm-threads-plugin';
import {
  assetGlobs,
  assetUrlPattern,
  assetsVersion,
  findAssetFiles,
} from './scripts/vite/lesson-assets';
import { lessonAssetsCacheName } from './src/ui/offline/lesson-assets-cache';

// The large files single lessons load (image datasets, models): cached per lesson, not precached.
const root = fileURLToPath(new URL('.', import.meta.url));
const lessonAssetFiles = findAssetFiles(root);
// Their cache is named after their contents: a deploy that changes one starts afresh.
const lessonAssetsVersion = assetsVersion(root, lessonAssetFiles);

// The site is static and must work from any sub-path (GitHub Pages): relative base,
// hash routing in the app, no server rewrites.
export default defineConfig({
  base: './',
  // 'mpa' makes a missing file a 404 instead of index.html with status 200,
  // so a missing dataset or model fails with a clear message.
  appType: 'mpa',
  plugins: [
    svelte(),
    contentPlugin(),
    tfjsWasmThreadsPlugin(),
    kernelFrameCspPlugin(),
    // Offline study: a service worker precaches the app, per-lesson files on demand (docs/decisions.md).
    VitePWA({
      // A new deploy waits for the learner's "Reload" (edits live in IndexedDB).
      registerType: 'prompt',
      // src/ui/offline/registration.svelte.ts registers it, so the banner can offer the reload.
      injectRegister: false,
      // The web app manifest makes the site installable (and, on iOS, keeps its storage:
      // see README). Paths are relative to the manifest, so any sub-path works. The icons
      // are drawn from public/favicon.svg by scripts/make-icons.mjs.
      manifest: {
        name: 'Playgrad: machine learning you can run',
        short_name: 'Playgrad',
        description: 'An ML and LLM course whose lessons are notebooks that run in your browser.',
        id: './',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#1f4e8c',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        cacheId: 'playgrad',
        // Everything the build emits: app, worker chunks, WASM (tfjs, onnxruntime), KaTeX
        // fonts, Plotly, notebooks, small datasets, course.json, runner.html ...
        globPatterns: ['**/*'],
        // ... but the per-lesson files: the route below stores them when a lesson loads them,
        // and the Offline page downloads them per lesson (course.json lists which).
        globIgnores: ['**/node_modules/**', ...assetGlobs(lessonAssetFiles)],
        runtimeCaching: [
          {
            urlPattern: assetUrlPattern(lessonAssetFiles),
            handler: 'CacheFirst',
            options: {
              cacheName: lessonAssetsCacheName(lessonAssetsVersion),
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
        // onnxruntime's WASM is ~11 MB; the largest dataset ~6 MB.
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        // Hash routing means only the app's own pages are navigated to; a missing
        // notebook, dataset or other file must stay a 404, not become index.html.
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: [/\/(index\.html)?(\?[^/]*)?$/],
      },
    }),
  ],
  define: { __LESSON_ASSETS_VERSION__: JSON.stringify(lessonAssetsVersion) },
  resolve: {
    // Transformers.js imports onnxruntime-web's WebGPU build (a second, 21 MB WASM file);
    // its WASM-only build is the one onnx.load uses: one runtime, one WASM file.
    alias: [{ find: /^onnxruntime-web$/, replacement: 'onnxruntime-web/wasm' }],
  },
  // The kernel worker is bundled separately: it needs the tfjs threads fix too.
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsPlugin()] },
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
      // text.tokenize imports one encoding at a time (src/lib/text/tokenize.ts).
      'gpt-tokenizer/encoding/gpt2',
      'gpt-tokenizer/encoding/cl100k_base',
      'gpt-tokenizer/encoding/o200k_base',
      '@huggingface/transformers',
      // text.readDocument imports pdf.js on the first PDF (src/lib/text/pdf.ts).
      'pdfjs-dist/legacy/build/pdf.mjs',
      'pdfjs-dist/legacy/build/pdf.worker.mjs',
      // The MCP lesson's cells import these (src/kernel/modules.ts).
      '@modelcontextprotocol/sdk/server/mcp.js',
      '@modelcontextprotocol/sdk/client/index.js',
      '@modelcontextprotocol/sdk/inMemory.js',
      '@modelcontextprotocol/sdk/types.js',
      'zod',
    ],
  },
});
