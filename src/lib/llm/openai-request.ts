/**
 * A `ChatRequest` in OpenAI's wire format (POST /chat/completions), which Ollama, LM Studio,
 * llama.cpp, vLLM and the hosted APIs all take. The request always streams: text arrives as
 * it is generated (so Stop and the timeout act between pieces) and the usage comes last
 * (`stream_options.include_usage`).
 */
import type { ChatMessage, ChatRequest, ResponseFormat, ToolSpec } from './types';

export function openAIBody(request: ChatRequest, model: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model,
    messages: request.messages.map(openAIMessage),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.maxTokens !== undefined) body.max_tokens = request.maxTokens;
  if (request.seed !== undefined) body.seed = request.seed;
  if (request.tools && request.tools.length > 0) body.tools = request.tools.map(openAITool);
  if (request.responseFormat) body.response_format = openAIResponseFormat(request.responseFormat);
  return body;
}

function openAIMessage(message: ChatMessage): Record<string, unknown> {
  if (message.role === 'tool') {
    return { role: 'tool', content: message.content, tool_call_id: message.toolCallId ?? '' };
  }
  if (message.role === 'assistant' && message.toolCalls && message.toolCalls.length > 0) {
    return {
      role: 'assistant',
      // OpenAI wants null, not '', beside tool calls.
      content: message.content === '' ? null : message.content,
      tool_calls: message.toolCalls.map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      })),
    };
  }
  return { role: message.role, content: message.content };
}

function openAITool(tool: ToolSpec): Record<string, unknown> {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}

function openAIResponseFormat(format: ResponseFormat): Record<string, unknown> {
  if (format.type !== 'json_schema') return { type: format.type };
  return {
    type: 'json_schema',
    json_schema: { name: format.name ?? 'response', schema: format.schema },
  };
}
