/**
 * Loads the kernel's chunks as blob: modules in its opaque origin: each chunk's text is
 * fetched (through the page), its dependencies are loaded first, and it is rewritten to
 * import them by their blob: URLs (chunk-rewrite.ts). Each chunk is loaded once.
 */
import { chunkDependencies, rewriteChunk } from './chunk-rewrite';

export interface ChunkLoader {
  /** The blob: URL of the chunk at `url`, loading it and what it imports first. */
  load(url: string): Promise<string>;
  /** A dynamic import made by a rewritten chunk: `specifier` is relative to `fromUrl`. */
  importFrom(specifier: string, fromUrl: string): Promise<unknown>;
}

export function createChunkLoader(fetchText: (url: string) => Promise<string>): ChunkLoader {
  const loaded = new Map<string, Promise<string>>();

  function load(url: string, chain: readonly string[] = []): Promise<string> {
    if (chain.includes(url)) {
      const cycle = [...chain, url].map((link) => link.split('/').pop()).join(' → ');
      return Promise.reject(
        new Error(`The kernel's chunks import each other in a cycle: ${cycle}`),
      );
    }
    let blobUrl = loaded.get(url);
    if (!blobUrl) {
      blobUrl = build(url, [...chain, url]);
      loaded.set(url, blobUrl);
    }
    return blobUrl;
  }

  async function build(url: string, chain: readonly string[]): Promise<string> {
    const code = await fetchText(url);
    const { imports, assets } = chunkDependencies(code, url);
    const loadAsset = (asset: string) => load(asset, chain).catch(() => asset);
    const dependencies = [...imports, ...assets];
    const blobs = await Promise.all([
      ...imports.map((dependency) => load(dependency, chain)),
      ...assets.map(loadAsset),
    ]);
    const resolved = new Map(dependencies.map((dependency, i) => [dependency, blobs[i]]));
    const module = new Blob([rewriteChunk(code, url, resolved)], { type: 'text/javascript' });
    return URL.createObjectURL(module);
  }

  return {
    load: (url) => load(url),
    importFrom: async (specifier, fromUrl) => {
      const blobUrl = await load(new URL(specifier, fromUrl).href);
      return import(/* @vite-ignore */ blobUrl);
    },
  };
}
