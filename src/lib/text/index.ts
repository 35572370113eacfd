/**
 * `text`: tokenizers, documents (text, Markdown, PDF), chunking, embeddings, word vectors,
 * vector indexes, RAG steps, the tiny language model and sampling, as cells import them.
 * A plain list of re-exports, one line per module, so more can be added in one line.
 *
 * @example
 * import { text } from 'playgrad'
 * await text.countTokens('Hello world', 'o200k_base')   // 2
 */
export {
  tokenize,
  countTokens,
  countChatTokens,
  decode,
  ENCODINGS,
  type EncodingName,
  type Tokenized,
  type Message,
} from './tokenize';
export { chunk, type Chunk, type ChunkOptions } from './chunk';
export {
  VectorIndex,
  type VectorIndexOptions,
  type SearchOptions,
  type SearchResult,
  type VectorId,
} from './vector-index';
export * as rag from './rag';
export { bm25, Bm25Index, type Bm25Document, type Bm25Options } from './bm25';
export { fuse, type FuseOptions } from './fuse';
export { rerank, useReranker, rerankerModel, SUGGESTED_RERANKER } from './rerank';
export { loadCorpus } from './corpus';
export {
  readDocument,
  type DocumentFile,
  type DocumentKind,
  type DocumentPart,
  type ReadDocument,
} from './document';
export { embed, embeddingModel, useEmbeddingModel, SHIPPED_EMBEDDING_MODEL } from './embed';
export { generate, generatorModel, useGenerator, SUGGESTED_GENERATOR } from './generate';
export type { GenerateTextOptions } from './generation-request';
export { modelChoice, EXTRACTIVE, NO_RERANKING, type ModelChoiceOptions } from './model-choice';
export { wordVectors, type WordVectors, type Neighbour } from './word-vectors';
export { loadTinyLM, TinyLM, TinyLMBlock } from './tiny-lm';
export type {
  GenerateOptions,
  NextTokenDistribution,
  AttentionMaps,
  TinyLMConfig,
} from './tiny-lm';
export * as sampling from './sampling';
