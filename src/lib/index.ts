/**
 * What cells import as 'playgrad'.
 *
 * @example
 * import { display, plot, table, progress, seed } from 'playgrad'
 */
export { display, md, html, type DisplayHandle } from './display';
export { table } from './table';
export * as plot from './plot';
export { progress } from './progress';
export { seed, random, randn, randomInt, shuffle } from './random';
export * as datasets from './datasets';
export * as ml from './ml/index';
export * as inputs from './inputs';
export * as onnx from './onnx';
export * as text from './text/index';
export * as llm from './llm/index';
export { toMimeBundle, MIMEBUNDLE } from './mime';
