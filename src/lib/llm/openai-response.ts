/**
 * Reads an OpenAI-compatible answer as it arrives: server-sent events of `chat.completion.chunk`
 * (text deltas, tool-call deltas, the finish reason, then the usage), or — from a server that
 * ignores `stream` — one `chat.completion` JSON. Text is handed on piece by piece.
 */
import { EndpointError, serverMessage } from './endpoint-errors';
import { SSE_DONE, SseParser } from './sse';
import { ToolCallAccumulator, type ToolCallDelta } from './tool-calls';
import type { ChatUsage, FinishReason, ToolCall } from './types';

export interface ReadAnswer {
  text: string;
  toolCalls: ToolCall[];
  /** Absent when the server sent none. */
  usage?: ChatUsage;
  /** 'interrupted' when `stop` aborted: the text so far, no tool calls. */
  finishReason: FinishReason;
  /** How many text pieces came (≈ tokens for llama.cpp, Ollama and vLLM). */
  pieces: number;
}

export interface ReadHooks {
  onText(piece: string): void;
  /** Called whenever bytes arrive (the idle timeout restarts). */
  onActivity(): void;
  /** The learner's Stop: reading ends and what came so far is returned. */
  stop: AbortSignal;
}

interface WireChoice {
  delta?: { content?: string | null; tool_calls?: ToolCallDelta[] };
  message?: { content?: string | null; tool_calls?: ToolCallDelta[] };
  finish_reason?: string | null;
}

interface WireChunk {
  choices?: WireChoice[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: unknown;
}

class AnswerBuilder {
  text = '';
  pieces = 0;
  usage: ChatUsage | undefined;
  finish: string | undefined;
  readonly tools = new ToolCallAccumulator();

  constructor(private readonly onText: (piece: string) => void) {}

  take(chunk: WireChunk): void {
    if (chunk.error !== undefined) {
      throw new EndpointError(
        'server-error',
        `The server failed while answering: ${serverMessage(JSON.stringify(chunk))}`,
      );
    }
    for (const choice of chunk.choices?.slice(0, 1) ?? []) {
      const part = choice.delta ?? choice.message;
      if (part?.content) {
        this.text += part.content;
        this.pieces += 1;
        this.onText(part.content);
      }
      if (part?.tool_calls) this.tools.add(part.tool_calls);
      if (choice.finish_reason) this.finish = choice.finish_reason;
    }
    if (chunk.usage) {
      this.usage = {
        promptTokens: chunk.usage.prompt_tokens ?? 0,
        completionTokens: chunk.usage.completion_tokens ?? 0,
      };
    }
  }

  interrupted(): ReadAnswer {
    return { text: this.text, toolCalls: [], finishReason: 'interrupted', pieces: this.pieces };
  }

  answer(): ReadAnswer {
    const toolCalls = this.tools.finish();
    return {
      text: this.text,
      toolCalls,
      usage: this.usage,
      finishReason: finishReason(this.finish, toolCalls.length > 0),
      pieces: this.pieces,
    };
  }
}

function finishReason(
  wire: string | undefined,
  calledTools: boolean,
): Exclude<FinishReason, 'interrupted'> {
  // Some servers end a tool call with 'stop'; the calls are what matters.
  if (calledTools || wire === 'tool_calls' || wire === 'function_call') return 'tool_calls';
  return wire === 'length' ? 'length' : 'stop';
}

export async function readChatResponse(response: Response, hooks: ReadHooks): Promise<ReadAnswer> {
  const builder = new AnswerBuilder(hooks.onText);
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream') || !response.body) {
    const text = await response.text();
    hooks.onActivity();
    builder.take(parseJson(text));
    return builder.answer();
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const take = (events: string[]): boolean => {
    for (const data of events) {
      if (data.trim() === SSE_DONE) return true;
      builder.take(parseJson(data));
    }
    return false;
  };
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        if (hooks.stop.aborted) return builder.interrupted();
        throw error;
      }
      if (hooks.stop.aborted) return builder.interrupted();
      const { done, value } = next;
      if (done) break;
      hooks.onActivity();
      if (take(parser.push(decoder.decode(value, { stream: true })))) return builder.answer();
    }
    take(parser.push(decoder.decode()));
    take(parser.end());
    return builder.answer();
  } finally {
    // After [DONE], an error or Stop: let the connection go.
    reader.cancel().catch(() => undefined);
  }
}

function parseJson(text: string): WireChunk {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) return value as WireChunk;
  } catch {
    // Reported below.
  }
  const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  throw new EndpointError(
    'bad-response',
    `The server's answer is not OpenAI-compatible JSON: ${shown}`,
  );
}
