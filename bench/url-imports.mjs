// Vite's `?url` imports (src/lib/text/transformers-runtime.ts imports the onnxruntime-web
// WASM files that way) mean nothing to Node. Under the bench's Node reference they resolve
// to a module whose default export is the file's URL, as Vite's would.
export async function resolve(specifier, context, nextResolve) {
  if (!specifier.endsWith('?url')) return nextResolve(specifier, context);
  const target = new URL(specifier.slice(0, -'?url'.length), context.parentURL).href;
  return {
    url: `data:text/javascript,export default ${encodeURIComponent(JSON.stringify(target))};`,
    shortCircuit: true,
  };
}
