/**
 * What cells use as `text` from 'playgrad': embeddings and word vectors.
 *
 * @example
 * import { text } from 'playgrad';
 * const vectors = await text.embed(['first sentence', 'second sentence']);
 */
export { embed, embeddingModel, useEmbeddingModel, SHIPPED_EMBEDDING_MODEL } from './embed';
export { wordVectors, type WordVectors, type Neighbour } from './word-vectors';
