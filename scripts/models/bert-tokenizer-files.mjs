// The tokenizer and config files Transformers.js reads for a BERT-layout model:
// tokenizer.json (HF `tokenizers` format), tokenizer_config.json and config.json.
//
// The tokenizer is a WordPiece tokenizer whose vocabulary holds whole words only: text is
// lowercased, accents are stripped, it is split at spaces and punctuation, and a word
// not in the vocabulary becomes [UNK] (SIF gives unknown words no weight).

/** Special tokens first, so their ids are small and fixed. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];

/** Longest input the tokenizer keeps, in tokens (the pipeline truncates to it). */
export const MAX_TOKENS = 512;

export function tokenizerJson(words) {
  const vocab = {};
  [...SPECIAL_TOKENS, ...words].forEach((token, id) => {
    vocab[token] = id;
  });
  const id = (token) => vocab[token];
  const special = (token) => ({ SpecialToken: { id: token, type_id: 0 } });
  const sequence = (name, typeId) => ({ Sequence: { id: name, type_id: typeId } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((token) => ({
      id: id(token),
      content: token,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), sequence('A', 0), special('[SEP]')],
      pair: [
        special('[CLS]'),
        sequence('A', 0),
        special('[SEP]'),
        sequence('B', 1),
        special('[SEP]'),
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((token) => [
          token,
          { id: token, ids: [id(token)], tokens: [token] },
        ]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

export function tokenizerConfigJson() {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: null,
    tokenize_chinese_chars: true,
    model_max_length: MAX_TOKENS,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    clean_up_tokenization_spaces: true,
  };
}

export function configJson({ vocabularySize, dimensions, sif }) {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dimensions,
    vocab_size: vocabularySize,
    max_position_embeddings: MAX_TOKENS,
    pad_token_id: 0,
    // Transformers.js would otherwise look for onnx/model_quantized.onnx in the browser.
    'transformers.js_config': { dtype: 'fp32' },
    // Not read by any library: what this model is, for people reading the file.
    playgrad: {
      kind: 'SIF-weighted mean of GloVe 6B 100d word vectors, common component removed',
      use: "pipeline('feature-extraction', ...) then { pooling: 'mean', normalize: true }",
      ...sif,
    },
  };
}
