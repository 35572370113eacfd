// The SIF sentence model as an ONNX graph in the layout Transformers.js expects of a BERT
// encoder: inputs `input_ids` and `attention_mask` ([batch, tokens], int64), output
// `last_hidden_state` ([batch, tokens, dims]) — plus `sentence_embedding` ([batch, dims]).
//
// All the SIF work is folded into the embedding table at build time: row i holds
// (I − u uᵀ) · a/(a + p(wᵢ)) · v(wᵢ). Removing u is linear, so doing it per token commutes
// with the mean over tokens. The graph only looks rows up, dequantises them (int8 × a
// per-row scale) and zeroes padding; Transformers.js' `pooling: 'mean'` then averages over
// the attention mask, which gives the SIF sentence vector up to a positive factor (the
// special and unknown tokens have zero rows but are counted), and `normalize: true`
// removes that factor. `sentence_embedding` is that same masked mean, computed in-graph.
import { A, T, bytesOf, node, onnx, tensorInfo } from '../onnx-graph-parts.mjs';

/** onnxruntime-web 1.22 runs opsets up to 22; 13 is enough and widely supported. */
const OPSET = 13;
const IR_VERSION = 7;

/**
 * @param {{ values: Int8Array, scales: Float32Array, dims: number }} table  quantised rows
 * @returns {Uint8Array} the bytes of model.onnx
 */
export function buildSifOnnxModel(table, description) {
  const rows = table.scales.length;
  const initializer = [
    {
      name: 'token_table_int8',
      dims: [rows, table.dims],
      dataType: T.INT8,
      rawData: bytesOf(table.values),
    },
    { name: 'token_scales', dims: [rows, 1], dataType: T.FLOAT, rawData: bytesOf(table.scales) },
    { name: 'axis_tokens', dims: [1], dataType: T.INT64, rawData: bytesOf(BigInt64Array.of(1n)) },
    { name: 'axis_last', dims: [1], dataType: T.INT64, rawData: bytesOf(BigInt64Array.of(2n)) },
    { name: 'tiny', dims: [], dataType: T.FLOAT, rawData: bytesOf(Float32Array.of(1e-9)) },
  ];
  const toFloat = [{ name: 'to', type: A.INT, i: T.FLOAT }];
  const keepNoDims = [{ name: 'keepdims', type: A.INT, i: 0 }];
  const nodes = [
    node('Gather', ['token_table_int8', 'input_ids'], 'rows_int8'),
    node('Cast', ['rows_int8'], 'rows_unscaled', toFloat),
    node('Gather', ['token_scales', 'input_ids'], 'rows_scale'),
    node('Mul', ['rows_unscaled', 'rows_scale'], 'rows'),
    node('Cast', ['attention_mask'], 'mask', toFloat),
    node('Unsqueeze', ['mask', 'axis_last'], 'mask_3d'),
    node('Mul', ['rows', 'mask_3d'], 'last_hidden_state'),
    node('ReduceSum', ['last_hidden_state', 'axis_tokens'], 'token_sum', keepNoDims),
    node('ReduceSum', ['mask_3d', 'axis_tokens'], 'token_count_raw', keepNoDims),
    node('Max', ['token_count_raw', 'tiny'], 'token_count'),
    node('Div', ['token_sum', 'token_count'], 'sentence_embedding'),
  ];
  const model = {
    irVersion: IR_VERSION,
    producerName: 'playgrad scripts/models/build-embedding-model.mjs',
    docString: description,
    opsetImport: [{ domain: '', version: OPSET }],
    graph: {
      name: 'sif_glove',
      node: nodes,
      initializer,
      input: [
        tensorInfo('input_ids', T.INT64, ['batch', 'tokens']),
        tensorInfo('attention_mask', T.INT64, ['batch', 'tokens']),
      ],
      output: [
        tensorInfo('last_hidden_state', T.FLOAT, ['batch', 'tokens', table.dims]),
        tensorInfo('sentence_embedding', T.FLOAT, ['batch', table.dims]),
      ],
    },
  };
  return onnx.ModelProto.encode(model).finish();
}
