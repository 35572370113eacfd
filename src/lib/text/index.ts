/**
 * `text.*`: language helpers for the LLM lessons.
 *
 * @example
 * import { text } from 'playgrad';
 * const lm = await text.loadTinyLM();
 */
export { loadTinyLM, TinyLM, TinyLMBlock } from './tiny-lm';
export type {
  GenerateOptions,
  NextTokenDistribution,
  AttentionMaps,
  TinyLMConfig,
} from './tiny-lm';
export * as sampling from './sampling';
