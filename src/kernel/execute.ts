/**
 * Runs a compiled cell on the shared scope.
 *
 * The script is evaluated with indirect eval, so it sees only the global scope (never this
 * module's locals), and yields `async function (__pg)`; awaiting its call runs the cell.
 * `__pg` is the little runtime the rewritten code calls: `import`, `importDefault` and
 * `publish` (for function declarations).
 */
import type { CompiledCell } from './compile';
import { describeError, type CellErrorInfo } from './error-location';
import { resolveModule } from './module-specifier';
import { declareShared } from './shared-scope';

/** Lazily loaded modules cells may import, by the name they import them with. */
export type ModuleMap = Readonly<Record<string, () => Promise<object>>>;

export interface ExecutionContext {
  modules: ModuleMap;
}

export type ExecutionOutcome = { ok: true; value: unknown } | { ok: false; error: CellErrorInfo };

/** What the rewritten cell calls as `__pg.*`. */
export interface CellRuntime {
  import(name: string): Promise<object>;
  importDefault(name: string): Promise<unknown>;
  publish(name: string, value: unknown): void;
}

export async function executeCell(
  compiled: CompiledCell,
  context: ExecutionContext,
): Promise<ExecutionOutcome> {
  try {
    declareShared(compiled.defines);
    const script: unknown = (0, eval)(compiled.js);
    if (typeof script !== 'function') throw new Error('The compiled cell is not a function');
    const run = script as (runtime: CellRuntime) => Promise<unknown>;
    const value = await run(createRuntime(context.modules));
    return { ok: true, value: compiled.hasResult ? value : undefined };
  } catch (thrown) {
    return { ok: false, error: describeError(thrown, compiled) };
  }
}

export function createRuntime(modules: ModuleMap): CellRuntime {
  const load = (name: string): Promise<object> => {
    const resolved = resolveModule(name, Object.keys(modules));
    // Thrown synchronously so that the stack still names the cell's line.
    if ('error' in resolved) throw new Error(resolved.error);
    return modules[resolved.name]();
  };
  return {
    import: load,
    async importDefault(name) {
      const namespace = await load(name);
      // A module without a default export (tfjs) gives its namespace, as bundlers do.
      return 'default' in namespace ? namespace.default : namespace;
    },
    publish(name, value) {
      Reflect.set(globalThis, name, value);
    },
  };
}
