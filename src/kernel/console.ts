/**
 * Cells' `console.*` → `stream` outputs of the running cell.
 *
 * log/info/debug/dir go to stdout, warn/error/trace to stderr. Arguments are joined with
 * spaces as the browser console does: strings as they are, other values in the same text
 * form as a displayed result. Output produced while no cell is current (kernel start-up,
 * tfjs's own warnings during backend selection) goes to the real console.
 */
export type StreamName = 'stdout' | 'stderr';

export interface ConsoleSink {
  /** Returns false when there is no cell to send the text to. */
  write(name: StreamName, text: string): boolean;
  /** Text for a non-string argument. */
  format(value: unknown): string;
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
      if (sink.write(stream, `${formatArguments(args, sink.format)}\n`)) return;
      if (typeof original === 'function') Reflect.apply(original, target, args);
    };
    Reflect.set(target, method, replacement);
  }
  return () => {
    for (const [method, original] of originals) Reflect.set(target, method, original);
  };
}

export function formatArguments(
  args: readonly unknown[],
  format: (value: unknown) => string,
): string {
  return args.map((arg) => (typeof arg === 'string' ? arg : safeFormat(arg, format))).join(' ');
}

function safeFormat(value: unknown, format: (value: unknown) => string): string {
  try {
    return format(value);
  } catch {
    // A value whose formatting throws (a disposed tensor, a hostile getter) still prints.
    return String(value);
  }
}
