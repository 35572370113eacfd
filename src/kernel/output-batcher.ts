/**
 * Coalesces a cell's `console.*` text before it crosses to the page. A loop printing a
 * million lines used to post a million messages, each handled by the page on its own;
 * now consecutive text of one stream is held for a short moment (or until any other
 * message, so the order of outputs is kept, or until the cell's `done`) and sent as one
 * `stream` message, keeping only the tail the page would keep anyway (stream-tail.ts).
 */
import type { CellId, KernelMessage, StreamMessage } from '../protocol/messages';
import { appendToTail, emptyTail, trimTail, type StreamTail } from '../protocol/stream-tail';

/** Long enough to gather a burst of prints, short enough to read as live output. */
export const STREAM_FLUSH_MS = 30;

interface PendingStream {
  cellId: CellId;
  name: StreamMessage['name'];
  tail: StreamTail;
}

export class OutputBatcher {
  private pending: PendingStream | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deliver: (message: KernelMessage) => void,
    private readonly delayMs = STREAM_FLUSH_MS,
  ) {}

  /** Text printed by a cell: held and merged with what follows it on the same stream. */
  stream(cellId: CellId, name: StreamMessage['name'], text: string): void {
    const pending = this.pending;
    if (pending && (pending.cellId !== cellId || pending.name !== name)) this.flush();
    this.pending ??= { cellId, name, tail: emptyTail() };
    this.pending.tail = appendToTail(this.pending.tail, text);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.delayMs);
  }

  /** Any other message: the text printed before it is sent first. */
  send(message: KernelMessage): void {
    this.flush();
    this.deliver(message);
  }

  flush(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const tail = trimTail(pending.tail);
    const message: StreamMessage = {
      type: 'stream',
      cellId: pending.cellId,
      name: pending.name,
      text: tail.text,
    };
    if (tail.dropped > 0) message.dropped = tail.dropped;
    this.deliver(message);
  }
}
