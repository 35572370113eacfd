/**
 * The large files single lessons load — the image datasets and every shipped model — and
 * which lesson needs which. The service worker does not precache them (a learner on a slow
 * link gets the app fast); it caches them when a lesson loads them, and the Offline page
 * downloads them per lesson on request (docs/decisions.md, "Offline study").
 *
 * A lesson says what it loads in its front matter (`datasets: [mnist]`, `models: [tiny-lm]`);
 * datasets/catalog.json names each dataset's file; a model is its folder public/models/<name>/.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LessonAsset, LessonEntry } from '../../src/notebook/types';

/** Datasets at least this big are per-lesson; the small tables stay in the precache. */
export const LARGE_DATASET_BYTES = 1024 * 1024;

/** The site folder shipped models live in (public/models → <base>models/). */
const MODELS = 'models';

/** Every per-lesson file the build ships: site-relative URL and size. */
export interface AssetFiles {
  /** Dataset name → its file, when the file is large. */
  datasets: Map<string, LessonAsset>;
  /** Dataset names in the catalog (small ones too), to catch a misspelt front matter. */
  knownDatasets: Set<string>;
  /** Model folder name → its files (READMEs are documentation, not loaded). */
  models: Map<string, LessonAsset[]>;
  /** False when the root has no datasets/catalog.json (test fixtures): names go unchecked. */
  hasCatalog: boolean;
}

function filesUnder(dir: string, rel = ''): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const sub = rel ? `${rel}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, sub) : entry.isFile() ? [sub] : [];
    })
    .sort();
}

function readCatalog(root: string): { name: string; file: string }[] | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(root, 'datasets', 'catalog.json'), 'utf8');
  } catch {
    return undefined;
  }
  const entries: unknown = JSON.parse(text);
  if (!Array.isArray(entries)) throw new Error('datasets/catalog.json must be a list');
  return entries.map((entry: { name?: unknown; file?: unknown }) => {
    if (typeof entry.name !== 'string' || typeof entry.file !== 'string') {
      throw new Error('datasets/catalog.json: every entry needs a "name" and a "file"');
    }
    return { name: entry.name, file: entry.file };
  });
}

/** Reads the catalog and public/models/ under `root` (synchronous: vite.config needs it). */
export function findAssetFiles(root: string): AssetFiles {
  const catalog = readCatalog(root);
  const datasets = new Map<string, LessonAsset>();
  for (const { name, file } of catalog ?? []) {
    let bytes: number;
    try {
      bytes = statSync(path.join(root, 'datasets', file)).size;
    } catch {
      throw new Error(`datasets/catalog.json: "${name}" names a missing file datasets/${file}`);
    }
    if (bytes >= LARGE_DATASET_BYTES) datasets.set(name, { url: `datasets/${file}`, bytes });
  }
  const modelsDir = path.join(root, 'public', MODELS);
  const models = new Map<string, LessonAsset[]>();
  for (const file of filesUnder(modelsDir)) {
    const [folder] = file.split('/');
    if (path.posix.basename(file) === 'README.md' || folder === file) continue;
    const list = models.get(folder) ?? [];
    list.push({ url: `${MODELS}/${file}`, bytes: statSync(path.join(modelsDir, file)).size });
    models.set(folder, list);
  }
  const knownDatasets = new Set((catalog ?? []).map((entry) => entry.name));
  return { datasets, knownDatasets, models, hasCatalog: catalog !== undefined };
}

/**
 * The per-lesson files one lesson declares, or a message naming what it declares but the
 * course does not have.
 */
export function lessonAssets(
  lesson: LessonEntry,
  files: AssetFiles,
): { assets: LessonAsset[]; errors: string[] } {
  const assets: LessonAsset[] = [];
  const errors: string[] = [];
  for (const name of lesson.frontMatter.datasets ?? []) {
    const large = files.datasets.get(name);
    if (large) assets.push(large);
    else if (files.hasCatalog && !files.knownDatasets.has(name)) {
      errors.push(`front matter: unknown dataset "${name}" (not in datasets/catalog.json)`);
    }
  }
  for (const name of lesson.frontMatter.models ?? []) {
    const model = files.models.get(name);
    if (model) assets.push(...model);
    else errors.push(`front matter: unknown model "${name}" (no folder public/models/${name}/)`);
  }
  return { assets, errors };
}

/** Workbox `globIgnores`: every per-lesson file, as paths in the built site. */
export function assetGlobs(files: AssetFiles): string[] {
  return [`${MODELS}/**`, ...[...files.datasets.values()].map((asset) => asset.url)];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The runtime route's pattern: a same-origin URL ending in a per-lesson file. (Workbox
 * matches a RegExp against a cross-origin URL only from its start, so hub URLs never match.)
 */
export function assetUrlPattern(files: AssetFiles): RegExp {
  const datasets = [...files.datasets.values()].map((asset) => escapeRegExp(asset.url));
  return new RegExp(`/(${[`${MODELS}/[^?#]+`, ...datasets].join('|')})(\\?.*)?$`);
}

/**
 * A short hash of every per-lesson file's path and contents: the version in the lesson-assets
 * cache's name, so changed files are fetched anew (src/ui/offline/lesson-assets-cache.ts).
 * ≈ 50 ms for the 16 MB shipped today.
 */
export function assetsVersion(root: string, files: AssetFiles): string {
  const hash = createHash('sha256');
  const urls = [...files.datasets.values(), ...[...files.models.values()].flat()]
    .map((asset) => asset.url)
    .sort();
  for (const url of urls) {
    // datasets/ sits at the root (copied by the content plugin), models/ under public/.
    const file = url.startsWith(`${MODELS}/`)
      ? path.join(root, 'public', url)
      : path.join(root, url);
    hash.update(url).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}
