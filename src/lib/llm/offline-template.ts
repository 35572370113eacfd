/**
 * The offline model's chat template (config.json "chat_template": playgrad-tool-lm/1), as
 * scripts/models/tool_lm_data.py writes its training transcripts:
 *
 *   <|system|>{system text}\nTools:\n- calc(expr: string): Evaluate …\n<|end|>\n
 *   <|user|>What is 2 + 3?<|end|>\n
 *   <|assistant|><tool_call>{"name": "calc", "arguments": {"expr": "2 + 3"}}</tool_call><|end|>\n
 *   <|tool|>5<|end|>\n
 *   <|assistant|>            ← the prompt ends here: the model writes the reply and <|end|>
 *
 * The tools come from the request's JSON Schemas, one line each, so the model reads which
 * tools exist and what their parameters are called.
 */
import type { ChatMessage, JsonSchema, ToolCall, ToolSpec } from './types';

export const MARKERS = {
  system: '<|system|>',
  user: '<|user|>',
  assistant: '<|assistant|>',
  tool: '<|tool|>',
  end: '<|end|>',
  callOpen: '<tool_call>',
  callClose: '</tool_call>',
} as const;

/** The prompt text for `messages`, ending where the assistant's reply begins. */
export function renderPrompt(messages: readonly ChatMessage[], tools: readonly ToolSpec[] = []) {
  const systemText = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n');
  let system = systemText;
  if (tools.length > 0) system = (system ? `${system}\n` : '') + toolsBlock(tools);
  let out = system ? `${MARKERS.system}${system}${MARKERS.end}\n` : '';
  for (const message of messages) {
    if (message.role === 'system') continue;
    out += `${MARKERS[message.role]}${turnText(message)}${MARKERS.end}\n`;
  }
  return out + MARKERS.assistant;
}

function turnText(message: ChatMessage): string {
  if (message.role !== 'assistant') return message.content;
  const calls = (message.toolCalls ?? []).map(
    (call) => `${MARKERS.callOpen}${toolCallJson(call)}${MARKERS.callClose}`,
  );
  return message.content + calls.join('');
}

function toolsBlock(tools: readonly ToolSpec[]): string {
  return 'Tools:\n' + tools.map((tool) => `- ${toolLine(tool)}\n`).join('');
}

/** `calc(expr: string): Evaluate an arithmetic expression.` */
export function toolLine({ name, description, parameters }: ToolSpec): string {
  const properties = (parameters.properties ?? {}) as Record<string, JsonSchema>;
  const params = Object.entries(properties).map(([key, schema]) => `${key}: ${typeName(schema)}`);
  // One line per tool: a description's own line breaks would end the list.
  const text = description.replace(/\s+/g, ' ').trim();
  return `${name}(${params.join(', ')}): ${text}`;
}

function typeName(schema: JsonSchema): string {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.join(' | ');
  return 'any';
}

/** A call as the model writes it: Python's json.dumps layout (", " and ": "). */
export function toolCallJson(call: Pick<ToolCall, 'name' | 'arguments'>): string {
  return pythonJson({ name: call.name, arguments: call.arguments });
}

function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
