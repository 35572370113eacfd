/**
 * What a cell's `import … from 'x'` names, mapped onto the modules the site bundles.
 *
 * Notebooks written for Deno's Jupyter kernel import `npm:@tensorflow/tfjs@4.22.0`: an
 * `npm:` specifier of a bundled package (with or without a
 * version) is that package. Anything the browser can never load — another npm package,
 * `node:` built-ins, `https:` / `jsr:` URLs — fails with the reason, not just a list.
 */
export type Resolved = { name: string } | { error: string };

export function resolveModule(specifier: string, modules: readonly string[]): Resolved {
  if (modules.includes(specifier)) return { name: specifier };
  const list = modules.map((module) => `'${module}'`).join(', ');
  const cannot = `Cannot import '${specifier}': Playgrad runs in the browser and bundles only ${list}`;
  if (specifier.startsWith('npm:')) {
    const name = packageName(specifier.slice('npm:'.length));
    if (modules.includes(name)) return { name };
    return { error: `${cannot}; it cannot install npm packages` };
  }
  if (specifier.startsWith('node:')) {
    return { error: `${cannot}; node: modules do not exist there` };
  }
  if (/^(https?|jsr):/.test(specifier)) {
    return { error: `${cannot}; it loads no code from the network, so lessons work offline` };
  }
  return { error: unknownModuleMessage(specifier, modules) };
}

export function unknownModuleMessage(name: string, modules: readonly string[]): string {
  const list = modules.map((module) => `'${module}'`).join(', ');
  return `Cannot import '${name}': cells can import ${list}`;
}

/** `@scope/name@1.2` → `@scope/name`, `name@^4` → `name` (a version is dropped). */
function packageName(spec: string): string {
  const scoped = spec.startsWith('@');
  const at = spec.indexOf('@', scoped ? 1 : 0);
  return at < 0 ? spec : spec.slice(0, at);
}
