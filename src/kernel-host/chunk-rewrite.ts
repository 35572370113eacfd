/**
 * Rewrites one of the kernel's built chunks so it runs from a blob: URL in the kernel's
 * opaque origin, where the site's files cannot be imported (no CORS, no service worker).
 *
 *   import{a}from"./rolldown-runtime-X.js"   →  import{a}from"blob:null/…"   (loaded first)
 *   import(`./backend-X.js`)                 →  __kernelImport(`./backend-X.js`, "<chunk URL>")
 *   new URL(`ort-glue-X.mjs`,import.meta.url)→  new URL("blob:null/…")       (a module asset)
 *   import.meta.url                          →  "<chunk URL>"   (so WASM files resolve to the site)
 *
 * Dynamic imports resolve lazily, at call time: the chunks import each other in a cycle
 * through them (backend-*.js imports worker-*.js, which imports it dynamically). The
 * patterns are those of Vite's (rolldown's) output: relative specifiers in one folder.
 */

/** The global the rewritten chunks call for a dynamic import. */
export const DYNAMIC_IMPORT_GLOBAL = '__kernelImport';

const STATIC_IMPORT = /\b(from|import)\s*(["'`])(\.\.?\/[^"'`\s]+)\2/g;
const DYNAMIC_IMPORT = /\bimport\(\s*(["'`])(\.\.?\/[^"'`\s]+)\1\s*\)/g;
const MODULE_ASSET = /new URL\(\s*(["'`])([^"'`\s]+\.mjs)\1\s*,\s*import\.meta\.url\s*\)/g;
const IMPORT_META_URL = /\bimport\.meta\.url\b/g;

/**
 * What a chunk needs loaded before it (absolute URLs): its static imports, and the module
 * assets it names. An asset may not exist (onnxruntime names its own unbundled file): the
 * loader then keeps the site URL, as the unrewritten code would have.
 */
export function chunkDependencies(
  code: string,
  chunkUrl: string,
): { imports: string[]; assets: string[] } {
  const urls = (pattern: RegExp, group: number) => [
    ...new Set([...code.matchAll(pattern)].map((match) => new URL(match[group], chunkUrl).href)),
  ];
  return { imports: urls(STATIC_IMPORT, 3), assets: urls(MODULE_ASSET, 2) };
}

/** `loaded` maps each dependency's absolute URL to the blob: URL it was loaded as. */
export function rewriteChunk(code: string, chunkUrl: string, loaded: Map<string, string>): string {
  const blobOf = (specifier: string): string => {
    const url = new URL(specifier, chunkUrl).href;
    const blob = loaded.get(url);
    if (!blob) throw new Error(`The kernel chunk ${chunkUrl} needs ${url}, which was not loaded`);
    return blob;
  };
  return code
    .replace(STATIC_IMPORT, (_, keyword: string, quote: string, specifier: string) => {
      return `${keyword}${quote}${blobOf(specifier)}${quote}`;
    })
    .replace(DYNAMIC_IMPORT, (_, quote: string, specifier: string) => {
      return `${DYNAMIC_IMPORT_GLOBAL}(${quote}${specifier}${quote},${JSON.stringify(chunkUrl)})`;
    })
    .replace(MODULE_ASSET, (_, _quote: string, specifier: string) => {
      return `new URL(${JSON.stringify(blobOf(specifier))})`;
    })
    .replace(IMPORT_META_URL, JSON.stringify(chunkUrl));
}
