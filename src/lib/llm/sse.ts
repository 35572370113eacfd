/**
 * Server-sent events, parsed as the bytes arrive (the HTML standard's event-stream rules,
 * reduced to what chat APIs use): lines end with \n, \r\n or \r; `data:` lines of one event
 * are joined with \n; a blank line ends the event; `:` lines are comments (keep-alives);
 * other fields (`event:`, `id:`, `retry:`) are ignored. A chunk may end in the middle of a
 * line, or between the \r and the \n of one line ending: the rest waits for the next chunk.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  /** A chunk ended with \r: a \n starting the next chunk belongs to the same line ending. */
  private afterCR = false;

  /** Feeds decoded text; returns the data of every event it completed, in order. */
  push(text: string): string[] {
    let chunk = text;
    if (this.afterCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.afterCR = chunk.endsWith('\r');
    this.buffer += chunk;
    const events: string[] = [];
    const lines = this.buffer.split(/\r\n|\r|\n/);
    // The last piece has no line ending yet (empty when the chunk ended with one).
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      const event = this.line(line);
      if (event !== undefined) events.push(event);
    }
    return events;
  }

  /** The stream ended: an event not closed by a blank line still counts (servers forget it). */
  end(): string[] {
    const events = this.buffer ? this.push('\n') : [];
    const last = this.line('');
    return last === undefined ? events : [...events, last];
  }

  private line(line: string): string | undefined {
    if (line === '') {
      if (this.data.length === 0) return undefined;
      const event = this.data.join('\n');
      this.data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== 'data') return undefined;
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    this.data.push(value);
    return undefined;
  }
}

/** OpenAI's end-of-stream marker, sent as the data of the last event. */
export const SSE_DONE = '[DONE]';
