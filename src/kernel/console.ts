/**
 * Cells' `console.*` → `stream` outputs of the running cell.
 *
 * log/info/debug/dir go to stdout, warn/error/trace to stderr. The line is the sink's
 * (the kernel uses the helpers' `formatForConsole`: `%s`/`%d` substitutions, values as a
 * displayed result would read); a formatter that throws (a hostile getter) falls back to
 * `String()`. Output produced while no cell is current (kernel start-up, tfjs's own
 * warnings during backend selection) goes to the real console.
 */
export type StreamName = 'stdout' | 'stderr';

export interface ConsoleSink {
  /** Returns false when there is no cell to send the text to. */
  write(name: StreamName, text: string): boolean;
  /** The line `console.log(...args)` prints, without its newline. */
  format(args: readonly unknown[]): string;
}

const METHODS: ReadonlyArray<[keyof Console, StreamName]> = [
  ['log', 'stdout'],
  ['info', 'stdout'],
  ['debug', 'stdout'],
  ['dir', 'stdout'],
  ['warn', 'stderr'],
  ['error', 'stderr'],
  ['trace', 'stderr'],
];

/** Replaces the console methods; returns a function that puts the originals back. */
export function captureConsole(sink: ConsoleSink, target: Console = console): () => void {
  const originals = new Map<keyof Console, unknown>();
  for (const [method, stream] of METHODS) {
    const original: unknown = target[method];
    originals.set(method, original);
    const replacement = (...args: unknown[]): void => {
      if (sink.write(stream, `${formatLine(args, sink.format)}\n`)) return;
      if (typeof original === 'function') Reflect.apply(original, target, args);
    };
    Reflect.set(target, method, replacement);
  }
  return () => {
    for (const [method, original] of originals) Reflect.set(target, method, original);
  };
}

/** The sink's line, or each argument's `String()` when formatting throws. */
export function formatLine(
  args: readonly unknown[],
  format: (args: readonly unknown[]) => string,
): string {
  try {
    return format(args);
  } catch {
    return args.map(safeString).join(' ');
  }
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
