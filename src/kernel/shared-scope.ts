/**
 * The scope cells share: the worker's global object.
 *
 * Before a cell runs, every name it defines becomes a writable own property of
 * `globalThis`, so the rewritten assignments (`x = 1` in strict mode) work and later cells
 * find the name by ordinary global lookup; a function's local `x` shadows it as usual.
 * A name that already existed (a worker API such as `URL`) keeps its original descriptor
 * here so that a restart puts it back instead of deleting it.
 */
const originals = new Map<string, PropertyDescriptor | undefined>();

export function declareShared(names: readonly string[]): void {
  for (const name of names) {
    if (!originals.has(name)) {
      originals.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    }
    makeWritable(name);
  }
}

/** Names cells defined since the last reset. */
export function sharedNames(): string[] {
  return [...originals.keys()];
}

/** Forgets every name cells defined, restoring what the global object had before. */
export function resetShared(): void {
  for (const [name, original] of originals) {
    if (original) Object.defineProperty(globalThis, name, original);
    else Reflect.deleteProperty(globalThis, name);
  }
  originals.clear();
}

function makeWritable(name: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  if (descriptor && 'value' in descriptor && descriptor.writable) return;
  if (descriptor && !descriptor.configurable) {
    throw new TypeError(
      `\`${name}\` is a built-in name that cannot be redefined; choose another name`,
    );
  }
  const value: unknown = descriptor ? Reflect.get(globalThis, name) : undefined;
  Object.defineProperty(globalThis, name, {
    value,
    writable: true,
    configurable: true,
    enumerable: true,
  });
}
