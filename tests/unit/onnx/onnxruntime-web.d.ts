// onnxruntime-web's `exports` give no types; they are onnxruntime-common's.
declare module 'onnxruntime-web' {
  export * from 'onnxruntime-common';
}
