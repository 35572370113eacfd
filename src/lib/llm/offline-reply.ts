/**
 * Reading the offline model's reply as it is generated: the text before a <tool_call>
 * marker is the message's content and is streamed; what follows is a tool call in JSON,
 * parsed when the reply ends. A marker cut in half at the end of the text so far is held
 * back, so no piece of a marker ever reaches the learner's output, and the streamed pieces
 * always add up to the final content.
 */
import { MARKERS } from './offline-template';
import type { ToolCall } from './types';

export class ReplyStream {
  private text = '';
  private streamed = 0;

  constructor(private readonly onText: (piece: string) => void) {}

  /** Adds a generated token's text and streams what is now certain to be content. */
  push(piece: string): void {
    this.text += piece;
    const cut = this.text.indexOf(MARKERS.callOpen);
    const visible = cut >= 0 ? cut : this.text.length - partialMarker(this.text);
    this.emitTo(visible);
  }

  /**
   * The reply so far as content and tool calls. When the calls cannot be read (the model
   * wrote broken JSON), everything becomes content, so the learner sees what it wrote.
   */
  finish(makeId: (index: number) => string): { content: string; toolCalls: ToolCall[] } {
    const parsed = parseToolCalls(this.text, makeId);
    const cut = this.text.indexOf(MARKERS.callOpen);
    const content = parsed && cut >= 0 ? this.text.slice(0, cut) : this.text;
    this.emitTo(content.length);
    return { content, toolCalls: parsed ?? [] };
  }

  private emitTo(end: number): void {
    if (end <= this.streamed) return;
    this.onText(this.text.slice(this.streamed, end));
    this.streamed = end;
  }
}

/** How many characters at the end of `text` could be the start of a <tool_call> marker. */
function partialMarker(text: string): number {
  for (let n = Math.min(MARKERS.callOpen.length - 1, text.length); n > 0; n -= 1) {
    if (MARKERS.callOpen.startsWith(text.slice(-n))) return n;
  }
  return 0;
}

/** The calls in `text`, none when it has no marker, undefined when one cannot be read. */
export function parseToolCalls(
  text: string,
  makeId: (index: number) => string,
): ToolCall[] | undefined {
  const start = text.indexOf(MARKERS.callOpen);
  if (start < 0) return [];
  const calls: ToolCall[] = [];
  let rest = text.slice(start);
  while (rest.startsWith(MARKERS.callOpen)) {
    const close = rest.indexOf(MARKERS.callClose);
    if (close < 0) return undefined;
    const call = readCall(rest.slice(MARKERS.callOpen.length, close));
    if (!call) return undefined;
    calls.push({ id: makeId(calls.length), ...call });
    rest = rest.slice(close + MARKERS.callClose.length).trimStart();
  }
  return rest === '' ? calls : undefined;
}

function readCall(json: string): Omit<ToolCall, 'id'> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const { name, arguments: args } = value as { name?: unknown; arguments?: unknown };
  if (typeof name !== 'string' || args === null || typeof args !== 'object') return undefined;
  if (Array.isArray(args)) return undefined;
  return { name, arguments: args as Record<string, unknown> };
}
