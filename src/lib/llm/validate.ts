/**
 * Checks what a cell passes to `llm.chat` and `llm.use`, so a mistake gets a message that
 * names the field, before any request is sent.
 */
import type { EndpointConfig } from './openai-compatible';
import type { ChatRequest, ChatRole } from './types';

const ROLES: readonly ChatRole[] = ['system', 'user', 'assistant', 'tool'];

export function checkRequest(request: unknown): ChatRequest {
  if (typeof request !== 'object' || request === null) {
    throw new TypeError(
      "llm.chat needs a request object: llm.chat({ messages: [{ role: 'user', content: 'Hi' }] })",
    );
  }
  const { messages } = request as { messages?: unknown };
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new TypeError('llm.chat: messages must be a non-empty array of { role, content }');
  }
  messages.forEach((message: unknown, index) => {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    if (!ROLES.includes(role as ChatRole)) {
      throw new TypeError(
        `llm.chat: messages[${index}].role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(role)}`,
      );
    }
    if (typeof content !== 'string') {
      throw new TypeError(
        `llm.chat: messages[${index}].content must be a string, got ${typeof content}`,
      );
    }
  });
  const { temperature, topP, maxTokens, tools } = request as ChatRequest;
  if (temperature !== undefined && !(temperature >= 0)) {
    throw new RangeError(`llm.chat: temperature must be ≥ 0, got ${temperature}`);
  }
  if (topP !== undefined && !(topP > 0 && topP <= 1)) {
    throw new RangeError(`llm.chat: topP must be in (0, 1], got ${topP}`);
  }
  if (maxTokens !== undefined && !(Number.isInteger(maxTokens) && maxTokens > 0)) {
    throw new RangeError(`llm.chat: maxTokens must be a whole number > 0, got ${maxTokens}`);
  }
  for (const tool of tools ?? []) {
    if (typeof tool?.name !== 'string' || typeof tool.parameters !== 'object') {
      throw new TypeError(
        'llm.chat: each tool is { name, description, parameters (a JSON Schema) }',
      );
    }
  }
  return request as ChatRequest;
}

export function checkEndpoint(config: unknown): EndpointConfig {
  const { baseURL, model, apiKey, timeoutMs } = (config ?? {}) as Partial<EndpointConfig>;
  let url: URL | undefined;
  try {
    url = new URL(String(baseURL));
  } catch {
    url = undefined;
  }
  if (typeof baseURL !== 'string' || !url || !/^https?:$/.test(url.protocol)) {
    throw new TypeError(
      `llm.use: baseURL must be an http(s) address such as http://localhost:11434/v1, got ${JSON.stringify(baseURL)}`,
    );
  }
  if (typeof model !== 'string' || model.trim() === '') {
    throw new TypeError("llm.use: model must name the server's model, e.g. 'qwen2.5:0.5b'");
  }
  if (apiKey !== undefined && typeof apiKey !== 'string') {
    throw new TypeError('llm.use: apiKey must be a string');
  }
  if (timeoutMs !== undefined && !(timeoutMs > 0)) {
    throw new RangeError(`llm.use: timeoutMs must be > 0, got ${timeoutMs}`);
  }
  return { ...(config as EndpointConfig), baseURL, model };
}
