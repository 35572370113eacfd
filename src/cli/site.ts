/**
 * Builds the static site when its sources are newer than the last build, so that
 * `playgrad run` and `playgrad serve` always use what is on disk without rebuilding
 * every time (a build takes tens of seconds on two cores).
 */
import { stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { distDir, projectRoot } from './paths';

/** What the built site is made from. */
const SOURCES = [
  'src',
  'notebooks',
  'datasets',
  'public',
  'scripts/vite',
  'index.html',
  'runner.html',
  'vite.config.ts',
  'package-lock.json',
];

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = await stat(path.join(entry.parentPath, entry.name));
    newest = Math.max(newest, file.mtimeMs);
  }
  return newest;
}

export async function isBuildFresh(): Promise<boolean> {
  const built = await stat(path.join(distDir, 'runner.html')).catch(() => undefined);
  if (!built) return false;
  const times = await Promise.all(SOURCES.map((s) => newestMtime(path.join(projectRoot, s))));
  return Math.max(...times) <= built.mtimeMs;
}

/** Builds into dist/ unless it is up to date. Returns whether it built. */
export async function ensureBuilt(log: (line: string) => void): Promise<boolean> {
  if (await isBuildFresh()) return false;
  log('Building the site…');
  // Vite warns that extension-less imports in the config's own imports will break under
  // a future config loader; the bundling loader used today handles them.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  await build({ root: projectRoot, logLevel: 'warn' });
  return true;
}
