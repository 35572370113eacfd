/**
 * The tiny LM's files on the site (`<base>models/tiny-lm/`): config.json (architecture and
 * where each tensor lies in weights.bin), vocab.json (one character per token) and
 * weights.bin (little-endian float16). scripts/models/train-tiny-lm.py writes them.
 */

export interface TensorEntry {
  name: string;
  shape: number[];
  /** Byte offset in weights.bin. */
  offset: number;
}

export interface TinyLMConfig {
  format: string;
  dtype: 'float16';
  vocab_size: number;
  context: number;
  d_model: number;
  n_heads: number;
  n_layers: number;
  d_ff: number;
  parameters: number;
  layer_norm_eps: number;
  corpus: string;
  training: { seed: number; steps: number; train_loss: number; val_loss: number };
  tensors: TensorEntry[];
}

export interface TinyLMFiles {
  config: TinyLMConfig;
  vocab: string[];
  /** Every tensor as float32 values, by name, with its shape. */
  weights: Map<string, { shape: number[]; values: Float32Array }>;
}

const FORMAT = 'playgrad-tiny-lm/1';

/** Fetches and checks the three files under `url` (which ends with '/'). */
export async function fetchTinyLMFiles(url: string): Promise<TinyLMFiles> {
  const [configText, vocabText, bytes] = await Promise.all([
    fetchOk(`${url}config.json`).then((r) => r.text()),
    fetchOk(`${url}vocab.json`).then((r) => r.text()),
    fetchOk(`${url}weights.bin`).then((r) => r.arrayBuffer()),
  ]);
  return parseTinyLMFiles(configText, vocabText, bytes, url);
}

/**
 * Checks and decodes the three files' contents; `where` (a URL or folder ending with '/')
 * names them in messages. Also used where the files are not fetched (Node, tests).
 */
export function parseTinyLMFiles(
  configText: string,
  vocabText: string,
  bytes: ArrayBuffer,
  where: string,
): TinyLMFiles {
  const config = parseJson(configText, `${where}config.json`) as TinyLMConfig;
  const vocab = parseJson(vocabText, `${where}vocab.json`) as string[];
  if (config.format !== FORMAT || config.dtype !== 'float16') {
    throw new Error(`${where}config.json is not a ${FORMAT} float16 model`);
  }
  if (!Array.isArray(vocab) || vocab.length !== config.vocab_size) {
    throw new Error(`${where}vocab.json should list ${config.vocab_size} tokens`);
  }
  return { config, vocab, weights: decodeWeights(config.tensors, bytes, `${where}weights.bin`) };
}

function decodeWeights(entries: TensorEntry[], bytes: ArrayBuffer, where: string) {
  const weights = new Map<string, { shape: number[]; values: Float32Array }>();
  for (const { name, shape, offset } of entries) {
    const count = shape.reduce((a, b) => a * b, 1);
    if (offset + 2 * count > bytes.byteLength) {
      throw new Error(`${where} is too short for ${name} (${bytes.byteLength} bytes)`);
    }
    weights.set(name, { shape, values: float16ToFloat32(new DataView(bytes, offset, 2 * count)) });
  }
  return weights;
}

/** IEEE half precision (1 sign, 5 exponent, 10 fraction bits) to float32. */
export function float16ToFloat32(view: DataView): Float32Array {
  const out = new Float32Array(view.byteLength / 2);
  for (let i = 0; i < out.length; i += 1) {
    const h = view.getUint16(2 * i, true);
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const fraction = h & 0x3ff;
    if (exponent === 0) out[i] = sign * fraction * 2 ** -24;
    else if (exponent === 31) out[i] = fraction ? NaN : sign * Infinity;
    else out[i] = sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
  }
  return out;
}

async function fetchOk(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`Could not load the tiny LM from ${url}: ${String(error)}`);
  }
  if (!response.ok) {
    throw new Error(`Could not load the tiny LM from ${url}: HTTP ${response.status}`);
  }
  return response;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not valid JSON: ${String(error)}`);
  }
}
