#!/usr/bin/env node
// Scores the shipped sentence model on the hand-labelled pairs in
// tests/fixtures/sentence-pairs.json, next to two baselines, and writes the table into
// public/models/playgrad-sif-glove/README.md (between the evaluation markers).
//
//   node scripts/models/evaluate-embedding-model.mjs           print and update the README
//   node scripts/models/evaluate-embedding-model.mjs --print   print only
//
// The model runs in Transformers.js exactly as lessons call it, offline.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { env, pipeline } from '@huggingface/transformers';
import { EVALUATION_END, EVALUATION_START } from './model-readmes.mjs';

register();
const { cosine, scorePairs, tfidfCosines, words } = await import('./similarity-metrics.ts');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODELS = join(ROOT, 'public', 'models');
const README = join(MODELS, 'playgrad-sif-glove', 'README.md');
const { pairs } = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'fixtures', 'sentence-pairs.json'), 'utf8'),
);

async function modelCosines() {
  env.allowRemoteModels = false;
  env.localModelPath = MODELS + '/';
  const extractor = await pipeline('feature-extraction', 'playgrad-sif-glove', { dtype: 'fp32' });
  const embed = async (texts) =>
    (await extractor(texts, { pooling: 'mean', normalize: true })).tolist();
  const a = await embed(pairs.map((pair) => pair.a));
  const b = await embed(pairs.map((pair) => pair.b));
  await extractor.dispose();
  return a.map((vector, i) => cosine(vector, b[i]));
}

/** The plain average of the (dequantised) GloVe vectors of the known words: no SIF. */
function plainAverageCosines() {
  const dir = join(MODELS, 'glove-subset');
  const vocab = readFileSync(join(dir, 'vocab.txt'), 'utf8').trimEnd().split('\n');
  const values = new Int8Array(readFileSync(join(dir, 'vectors.i8')).buffer.slice(0));
  const scales = new Float32Array(readFileSync(join(dir, 'scales.f32')).buffer.slice(0));
  const dims = values.length / vocab.length;
  const row = new Map(vocab.map((word, i) => [word, i]));
  const average = (text) => {
    const sum = new Float64Array(dims);
    for (const word of words(text)) {
      const i = row.get(word);
      if (i === undefined) continue;
      for (let d = 0; d < dims; d++) sum[d] += values[i * dims + d] * scales[i];
    }
    return sum;
  };
  return pairs.map((pair) => cosine(average(pair.a), average(pair.b)));
}

function formatTable(results) {
  const lines = [
    `${pairs.length} hand-labelled sentence pairs (tests/fixtures/sentence-pairs.json:`,
    `${pairs.filter((p) => p.related).length} related, ${pairs.filter((p) => !p.related).length} unrelated,`,
    'written to include related pairs with no shared word and unrelated pairs sharing words).',
    'Score = cosine similarity; ROC AUC = chance a related pair outscores an unrelated one.',
    '',
    '| method | ROC AUC | Spearman | mean cos related | mean cos unrelated |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [name, s] of results) {
    const f = (x) => x.toFixed(3);
    lines.push(
      `| ${name} | ${f(s.auc)} | ${f(s.spearman)} | ${f(s.meanRelated)} | ${f(s.meanUnrelated)} |`,
    );
  }
  lines.push(
    '',
    'TF-IDF scores below chance because the set was written against word overlap: it measures',
    'what embeddings add, not typical accuracy. A set this small shows which method is clearly',
    'better, not by exactly how much.',
  );
  return lines.join('\n');
}

const results = [
  ['TF-IDF cosine (baseline)', scorePairs(tfidfCosines(pairs), pairs)],
  ['GloVe plain average', scorePairs(plainAverageCosines(), pairs)],
  ['playgrad-sif-glove (shipped)', scorePairs(await modelCosines(), pairs)],
];
const table = formatTable(results);
console.log(table);
if (!process.argv.includes('--print')) {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(EVALUATION_START);
  const end = readme.indexOf(EVALUATION_END);
  if (start < 0 || end < start) throw new Error(`${README} has no evaluation markers`);
  writeFileSync(
    README,
    readme.slice(0, start + EVALUATION_START.length) + '\n' + table + '\n' + readme.slice(end),
  );
  console.log(`\nUpdated ${README}`);
}
