#!/usr/bin/env node
// Regenerates datasets/ (CSV files, catalog.json, README.md) from Debian packages.
//
//   node scripts/prepare-datasets.mjs           rewrite the files
//   node scripts/prepare-datasets.mjs --check   rebuild in memory; exit 1 if datasets/ differs
//
// Each dataset is a module in scripts/datasets/ (see dataset-module.mjs for the contract).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDebianPackage } from './datasets/debian-package.mjs';
import { buildDataset } from './datasets/dataset-module.mjs';
import { datasetModules } from './datasets/index.mjs';
import { renderReadme } from './datasets/readme.mjs';
import { formatCsv } from './datasets/table-files.mjs';

const DATASETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'datasets');

function buildAll(workDir) {
  // Several datasets share a package (python3-sklearn): download each package once.
  const unpacked = new Map();
  return datasetModules.map((module) => {
    if (!unpacked.has(module.debianPackage)) {
      console.log(`Fetching Debian package ${module.debianPackage} ...`);
      unpacked.set(module.debianPackage, extractDebianPackage(module.debianPackage, workDir));
    }
    const built = buildDataset(module, unpacked.get(module.debianPackage));
    console.log(`  ${module.name}: ${built.records.length} rows -> datasets/${module.file}`);
    return { module, ...built };
  });
}

/** The files datasets/ should contain, by name. */
function renderFiles(built) {
  const files = new Map();
  for (const { module, columns, records } of built) {
    files.set(module.file, formatCsv(columns, records));
  }
  const catalog = built.map(({ entry }) => entry);
  files.set('catalog.json', `${JSON.stringify(catalog, null, 2)}\n`);
  files.set('README.md', renderReadme(built));
  return files;
}

function main() {
  const check = process.argv.includes('--check');
  const workDir = mkdtempSync(join(tmpdir(), 'playgrad-datasets-'));
  try {
    const files = renderFiles(buildAll(workDir));
    const stale = [];
    for (const [name, text] of files) {
      const path = join(DATASETS_DIR, name);
      const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      if (current === text) continue;
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
