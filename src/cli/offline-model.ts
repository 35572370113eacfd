/**
 * The offline chat model's files read from disk, for Node: the test suite's
 * OpenAI-compatible server and the unit tests run the same provider as the kernel,
 * only with this loader instead of fetch.
 *
 * @example
 * const provider = createOfflineProvider(diskModelLoader());
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OfflineModelLoader } from '../lib/llm/offline-provider';
import { parseTinyLMFiles } from '../lib/text/tiny-lm-files';
import { projectRoot } from './paths';

/** The shipped model, public/models/tool-lm/. */
export const offlineModelDir = path.join(projectRoot, 'public', 'models', 'tool-lm');

export function diskModelLoader(dir: string = offlineModelDir): OfflineModelLoader {
  return async () => {
    const [config, vocab, weights] = await Promise.all([
      readFile(path.join(dir, 'config.json'), 'utf8'),
      readFile(path.join(dir, 'vocab.json'), 'utf8'),
      readFile(path.join(dir, 'weights.bin')),
    ]);
    const bytes = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
    return parseTinyLMFiles(config, vocab, bytes as ArrayBuffer, `${dir}${path.sep}`);
  };
}
