/**
 * Tool calls as OpenAI-compatible servers stream them: each delta names the call's `index`;
 * the first piece of a call carries its `id` and `function.name`, later pieces append to
 * `function.arguments`, a JSON text that is whole only at the end of the stream. A server
 * that does not stream sends the same shape, whole, once.
 */
import type { ToolCall } from './types';

/** One `tool_calls` entry of a streamed delta (every field may be absent). */
export interface ToolCallDelta {
  index?: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

/** A tool call whose arguments were not valid JSON: says which tool, and what came. */
export class ToolArgumentsError extends Error {
  constructor(
    readonly toolName: string,
    readonly argumentsText: string,
    reason: string,
  ) {
    const shown = argumentsText.length > 200 ? `${argumentsText.slice(0, 200)}…` : argumentsText;
    super(
      `The model called the tool '${toolName}' with arguments that are not a JSON object ` +
        `(${reason}): ${shown || '(nothing)'}`,
    );
    this.name = 'ToolArgumentsError';
  }
}

interface PartialCall {
  id: string;
  name: string;
  argumentsText: string;
}

export class ToolCallAccumulator {
  private readonly calls = new Map<number, PartialCall>();

  add(deltas: readonly ToolCallDelta[]): void {
    deltas.forEach((delta, position) => {
      // Some servers omit `index` when they send one call per chunk, whole.
      const index = delta.index ?? position;
      let call = this.calls.get(index);
      if (!call) {
        call = { id: '', name: '', argumentsText: '' };
        this.calls.set(index, call);
      }
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.argumentsText += delta.function.arguments;
    });
  }

  get size(): number {
    return this.calls.size;
  }

  /** The calls in index order, arguments parsed; a call without an id gets one. */
  finish(): ToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({
        id: call.id || `call_${index}`,
        name: call.name,
        arguments: parseToolArguments(call.name, call.argumentsText),
      }));
  }
}

/** Parses a call's arguments; empty means none (`{}`); anything but an object is an error. */
export function parseToolArguments(toolName: string, text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ToolArgumentsError(toolName, text, (error as Error).message);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ToolArgumentsError(
      toolName,
      text,
      `got ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}
