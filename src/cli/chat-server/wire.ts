/**
 * The server's side of OpenAI's chat format: a request body to a `ChatRequest`, and an
 * answer to the `chat.completion.chunk` events (or the one `chat.completion`) servers send.
 * Tool-call arguments are sent in small pieces, as real servers stream them, so clients
 * must put them together.
 */
import type { ChatMessage, ChatRequest, ChatResult, ResponseFormat } from '../../lib/llm/types';

interface WireMessage {
  role?: string;
  content?: string | null;
  tool_call_id?: string;
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
}

export interface WireRequest {
  model?: string;
  messages?: WireMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  seed?: number;
  tools?: { function: { name: string; description?: string; parameters?: object } }[];
  response_format?: { type: string; json_schema?: { name?: string; schema?: object } };
}

export function toChatRequest(body: WireRequest): ChatRequest {
  const messages: ChatMessage[] = (body.messages ?? []).map((m) => ({
    role: (m.role ?? 'user') as ChatMessage['role'],
    content: m.content ?? '',
    ...(m.tool_call_id && { toolCallId: m.tool_call_id }),
    ...(m.tool_calls && {
      toolCalls: m.tool_calls.map((c) => ({
        id: c.id,
        name: c.function.name,
        arguments: JSON.parse(c.function.arguments || '{}') as Record<string, unknown>,
      })),
    }),
  }));
  return {
    model: body.model,
    messages,
    temperature: body.temperature,
    topP: body.top_p,
    maxTokens: body.max_completion_tokens ?? body.max_tokens,
    seed: body.seed,
    tools: body.tools?.map((t) => ({
      name: t.function.name,
      description: t.function.description ?? '',
      parameters: (t.function.parameters ?? {}) as Record<string, unknown>,
    })),
    responseFormat: responseFormat(body.response_format),
  };
}

function responseFormat(format: WireRequest['response_format']): ResponseFormat | undefined {
  if (!format) return undefined;
  if (format.type === 'json_schema') {
    return {
      type: 'json_schema',
      schema: (format.json_schema?.schema ?? {}) as Record<string, unknown>,
      name: format.json_schema?.name,
    };
  }
  return { type: format.type === 'json_object' ? 'json_object' : 'text' };
}

export interface ChunkMaker {
  text(piece: string): object;
  end(result: ChatResult, toolArguments?: (json: string) => string): object[];
  usage(result: ChatResult): object;
  whole(result: ChatResult): object;
}

/** Pieces of a tool call's JSON arguments, as a server streams them. */
const ARGUMENT_PIECE = 7;

export function chunkMaker(id: string, model: string): ChunkMaker {
  const created = Math.floor(Date.now() / 1000);
  const chunk = (choices: object[], extra: object = {}) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices,
    ...extra,
  });
  const finish = (result: ChatResult) =>
    result.toolCalls.length > 0
      ? 'tool_calls'
      : result.finishReason === 'length'
        ? 'length'
        : 'stop';
  const usage = (result: ChatResult) => ({
    prompt_tokens: result.usage.promptTokens,
    completion_tokens: result.usage.completionTokens,
    total_tokens: result.usage.promptTokens + result.usage.completionTokens,
  });
  return {
    text: (piece) => chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]),
    end(result, toolArguments = (json) => json) {
      const chunks: object[] = [];
      result.toolCalls.forEach((call, index) => {
        chunks.push(
          chunk([
            {
              index: 0,
              delta: {
                tool_calls: [
                  {
                    index,
                    id: call.id,
                    type: 'function',
                    function: { name: call.name, arguments: '' },
                  },
                ],
              },
              finish_reason: null,
            },
          ]),
        );
        const json = toolArguments(JSON.stringify(call.arguments));
        for (let at = 0; at < json.length; at += ARGUMENT_PIECE) {
          const piece = json.slice(at, at + ARGUMENT_PIECE);
          chunks.push(
            chunk([
              {
                index: 0,
                delta: { tool_calls: [{ index, function: { arguments: piece } }] },
                finish_reason: null,
              },
            ]),
          );
        }
      });
      chunks.push(chunk([{ index: 0, delta: {}, finish_reason: finish(result) }]));
      return chunks;
    },
    usage: (result) => chunk([], { usage: usage(result) }),
    whole: (result) => ({
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: result.message.content,
            ...(result.toolCalls.length > 0 && {
              tool_calls: result.toolCalls.map((call) => ({
                id: call.id,
                type: 'function',
                function: { name: call.name, arguments: JSON.stringify(call.arguments) },
              })),
            }),
          },
          finish_reason: finish(result),
        },
      ],
      usage: usage(result),
    }),
  };
}
