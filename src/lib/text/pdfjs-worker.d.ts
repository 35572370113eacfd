// pdf.js ships no types for its worker module; only its message handler is used, to run
// the worker's code in this thread (src/lib/text/pdf.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
