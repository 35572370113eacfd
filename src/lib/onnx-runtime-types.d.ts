// onnxruntime-web's package.json `exports` give no types for its entry points; its
// types are onnxruntime-common's (its own types.d.ts re-exports them).
declare module 'onnxruntime-web/wasm' {
  export * from 'onnxruntime-common';
}
