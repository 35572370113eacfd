/**
 * Sentence embeddings and word vectors in the browser kernel: `text.embed` and a cell's own
 * Transformers.js pipeline give identical vectors from the shipped model, and nothing is
 * fetched from anywhere but the site.
 */
import { describe, expect, test } from 'vitest';
import '../../src/ui/headless/runner-api';
import { openPage, useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();

/** Loading Transformers.js, compiling onnxruntime's WASM and the model, on two cores. */
const EMBED_TEST_TIMEOUT_MS = 90_000;

const NOTEBOOK = `---
title: Embeddings check
week: 7
order: 99
---

\`\`\`ts {id=embed}
import { text } from 'playgrad';
import { pipeline } from '@huggingface/transformers';

const texts = [
  'The kitten slept on the rug.',
  'A young cat napped on the carpet.',
  'The central bank raised interest rates.',
];
const mine = await text.embed(texts);
const extractor = await pipeline('feature-extraction', 'playgrad-sif-glove', { dtype: 'fp32' });
const output = await extractor(texts, { pooling: 'mean', normalize: true });
const theirs = output.tolist();
console.log(JSON.stringify({ model: text.embeddingModel(), mine, theirs }));
\`\`\`

\`\`\`ts {id=words}
const glove = await text.wordVectors();
console.log(JSON.stringify({
  queen: glove.analogy('man', 'king', 'woman')[0].word,
  near: glove.nearest('frog', 10).map((n) => n.word),
}));
\`\`\`
`;

interface EmbedResult {
  model: string;
  mine: number[][];
  theirs: number[][];
}

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);

describe('embeddings in the browser kernel', () => {
  test(
    'text.embed equals the Transformers.js pipeline, all from the site',
    async () => {
      const { context, page, errors } = await openPage(
        browser(),
        new URL('runner.html', siteUrl).href,
      );
      const origin = new URL(siteUrl).origin;
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      await page.locator('body[data-ready="true"]').waitFor();

      const report = await page.evaluate(
        (text) => window.playgradRunner.run(text, 'embeddings-check'),
        NOTEBOOK,
      );
      expect(report.error).toBeUndefined();
      expect(report.cells.map((c) => [c.id, c.status, c.error?.message])).toEqual([
        ['embed', 'ok', undefined],
        ['words', 'ok', undefined],
      ]);
      const printed = (index: number) => String(report.cells[index].outputs[0]['text/plain']);

      const { model, mine, theirs } = JSON.parse(printed(0)) as EmbedResult;
      expect(model).toBe('playgrad-sif-glove');
      expect(mine).toEqual(theirs);
      expect(mine.map((v) => v.length)).toEqual([100, 100, 100]);
      for (const v of mine) expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
      expect(dot(mine[0], mine[1])).toBeGreaterThan(dot(mine[0], mine[2]) + 0.3);

      const words = JSON.parse(printed(1)) as { queen: string; near: string[] };
      expect(words.queen).toBe('queen');
      expect(words.near).toContain('toad');

      expect(requests.some((url) => url.includes('models/playgrad-sif-glove/onnx/'))).toBe(true);
      expect(requests.some((url) => url.includes('ort-wasm-simd-threaded'))).toBe(true);
      const elsewhere = requests.filter((url) => {
        const parsed = new URL(url);
        return parsed.protocol.startsWith('http') && parsed.origin !== origin;
      });
      expect(elsewhere).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    EMBED_TEST_TIMEOUT_MS,
  );
});
