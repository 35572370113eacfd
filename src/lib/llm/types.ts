/**
 * The one contract every chat provider meets (issue 12): the course's offline model, a
 * model in the browser through Transformers.js, and any OpenAI-compatible endpoint. Cells
 * see only `llm.chat`; a provider turns a `ChatRequest` into a `ChatResult` and reports
 * each piece of text as it is generated, so streaming and Stop work the same for all.
 */

/** A JSON Schema object, as tools and `responseFormat` carry it (not validated here). */
export type JsonSchema = { [key: string]: unknown };

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export interface ChatMessage {
  role: ChatRole;
  content: string;
  /** On an assistant message: the tools it asked to call. */
  toolCalls?: ToolCall[];
  /** On a tool message: the id of the call it answers. */
  toolCallId?: string;
}

/** A tool the model may call, described as OpenAI's API describes one. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: JsonSchema;
}

/** A call the model asked for; `arguments` is already parsed from the model's JSON. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; schema: JsonSchema; name?: string };

export interface ChatRequest {
  /** The provider's model name; each provider has a default. */
  model?: string;
  messages: ChatMessage[];
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  tools?: ToolSpec[];
  responseFormat?: ResponseFormat;
  /** Show the text in the cell's output as it is generated. */
  stream?: boolean;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'interrupted';

export interface ChatResult {
  message: ChatMessage;
  toolCalls: ToolCall[];
  usage: ChatUsage;
  /** Wall-clock time of the whole request, in milliseconds. */
  ms: number;
  finishReason: FinishReason;
  /** Which provider and model answered, as shown on the output. */
  provider: string;
  model: string;
}

/** What a provider is given besides the request. */
export interface ChatHooks {
  /** Called with each new piece of the answer's text, in order. */
  onText(piece: string): void;
  /** Aborted when the learner presses Stop; the provider ends the generation promptly. */
  signal: AbortSignal;
}

export interface ChatProvider {
  /** Shown on outputs: 'offline', 'endpoint', 'browser'. */
  readonly kind: string;
  /** The model used when a request names none. */
  readonly defaultModel: string;
  chat(request: ChatRequest, hooks: ChatHooks): Promise<ChatResult>;
}
