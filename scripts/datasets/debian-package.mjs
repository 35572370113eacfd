// Fetches a Debian package's files without installing it: `apt-get download` + `dpkg-deb -x`.
// Debian's archive is one of the two registries the build machines can reach, and a pinned
// package version makes the extracted files (and so our CSVs) reproducible.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function download(packageName, directory) {
  try {
    run('apt-get', ['download', packageName], directory);
  } catch {
    // A fresh container has empty package lists: refresh them once and retry.
    run('apt-get', ['update'], directory);
    run('apt-get', ['download', packageName], directory);
  }
  const debFile = readdirSync(directory).find(
    (file) => file.startsWith(`${packageName}_`) && file.endsWith('.deb'),
  );
  if (!debFile) throw new Error(`apt-get download ${packageName} produced no .deb file`);
  return join(directory, debFile);
}

/**
 * Downloads and unpacks `packageName` under `workDir`.
 * @param {string} packageName e.g. 'python3-sklearn'
 * @param {string} workDir an empty temporary directory
 * @returns {{ root: string, version: string }} the unpacked file system root and the version
 */
export function extractDebianPackage(packageName, workDir) {
  const directory = join(workDir, packageName);
  mkdirSync(directory, { recursive: true });
  const debPath = download(packageName, directory);
  const root = join(directory, 'root');
  run('dpkg-deb', ['-x', debPath, root], directory);
  const version = run('dpkg-deb', ['-f', debPath, 'Version'], directory).trim();
  return { root, version };
}
