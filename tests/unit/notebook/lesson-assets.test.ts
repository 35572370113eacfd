import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCourse } from '../../../scripts/vite/content-plugin';
import {
  LARGE_DATASET_BYTES,
  assetGlobs,
  assetUrlPattern,
  assetsVersion,
  findAssetFiles,
  lessonAssets,
} from '../../../scripts/vite/lesson-assets';
import type { LessonEntry } from '../../../src/notebook/types';

let root = '';
const BIG = LARGE_DATASET_BYTES + 5;

const lesson = (slug: string, extra: string): string =>
  `---\ntitle: ${slug}\nweek: 1\norder: 1\n${extra}---\n\n# ${slug}\n`;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'playgrad-assets-'));
  const put = async (rel: string, content: string | Uint8Array): Promise<void> => {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), content);
  };
  const catalog = [
    { name: 'iris', file: 'iris.csv' },
    { name: 'mnist', file: 'mnist.u8.gz' },
  ];
  await put('datasets/catalog.json', JSON.stringify(catalog));
  await put('datasets/iris.csv', 'a,b\n1,2\n');
  await put('datasets/mnist.u8.gz', new Uint8Array(BIG));
  await put('public/models/tiny-lm/README.md', '# docs');
  await put('public/models/tiny-lm/config.json', '{}');
  await put('public/models/tiny-lm/weights.bin', new Uint8Array(40));
  await put('public/models/sif/onnx/model.onnx', new Uint8Array(7));
  await put('notebooks/week1/images.md', lesson('images', 'datasets: [iris, mnist]\n'));
  await put('notebooks/week1/plain.md', lesson('plain', 'datasets: [iris]\n'));
  await put('notebooks/week1/lm.md', lesson('lm', 'models: [tiny-lm, sif]\n'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const entry = (frontMatter: Partial<LessonEntry['frontMatter']>): LessonEntry => ({
  slug: 'week1/x',
  frontMatter: { title: 'X', week: 1, order: 1, ...frontMatter },
});

describe('lesson assets', () => {
  it('finds large datasets and every model file but READMEs', () => {
    const files = findAssetFiles(root);
    expect([...files.datasets]).toEqual([['mnist', { url: 'datasets/mnist.u8.gz', bytes: BIG }]]);
    expect(Object.fromEntries(files.models)).toEqual({
      sif: [{ url: 'models/sif/onnx/model.onnx', bytes: 7 }],
      'tiny-lm': [
        { url: 'models/tiny-lm/config.json', bytes: 2 },
        { url: 'models/tiny-lm/weights.bin', bytes: 40 },
      ],
    });
  });

  it('lists per lesson only the files it declares that are not precached', async () => {
    const { course, errors } = await collectCourse(root);
    expect(errors).toEqual([]);
    const assets = Object.fromEntries(course.lessons.map((l) => [l.slug, l.assets]));
    expect(assets).toEqual({
      'week1/images': [{ url: 'datasets/mnist.u8.gz', bytes: BIG }],
      'week1/plain': undefined,
      'week1/lm': [
        { url: 'models/tiny-lm/config.json', bytes: 2 },
        { url: 'models/tiny-lm/weights.bin', bytes: 40 },
        { url: 'models/sif/onnx/model.onnx', bytes: 7 },
      ],
    });
  });

  it('names a dataset or model a lesson declares but the course lacks', () => {
    const files = findAssetFiles(root);
    expect(lessonAssets(entry({ datasets: ['irsi'], models: ['gpt9'] }), files).errors).toEqual([
      'front matter: unknown dataset "irsi" (not in datasets/catalog.json)',
      'front matter: unknown model "gpt9" (no folder public/models/gpt9/)',
    ]);
  });

  it('gives the service worker globs to skip and a route matching the same files', () => {
    const files = findAssetFiles(root);
    expect(assetGlobs(files)).toEqual(['models/**', 'datasets/mnist.u8.gz']);
    const route = assetUrlPattern(files);
    const site = 'https://learn.test/course/';
    expect(route.test(`${site}models/tiny-lm/weights.bin`)).toBe(true);
    expect(route.test(`${site}datasets/mnist.u8.gz`)).toBe(true);
    expect(route.test(`${site}datasets/iris.csv`)).toBe(false);
    expect(route.test(`${site}datasets/mnist.u8.gzip`)).toBe(false);
    expect(route.test(`${site}assets/index-abc.js`)).toBe(false);
  });
});

describe('assetsVersion', () => {
  it('changes when a per-lesson file changes, not when a small precached one does', async () => {
    const before = assetsVersion(root, findAssetFiles(root));
    expect(before).toMatch(/^[0-9a-f]{12}$/);
    expect(assetsVersion(root, findAssetFiles(root))).toBe(before);

    const weights = path.join(root, 'public/models/tiny-lm/weights.bin');
    await writeFile(weights, new Uint8Array(40).fill(1));
    const changed = assetsVersion(root, findAssetFiles(root));
    expect(changed).not.toBe(before);

    // iris.csv is small: the precache revisions it, the lesson-assets cache never holds it.
    await writeFile(path.join(root, 'datasets/iris.csv'), 'a,b\n3,4\n');
    expect(assetsVersion(root, findAssetFiles(root))).toBe(changed);
    await writeFile(weights, new Uint8Array(40));
    expect(assetsVersion(root, findAssetFiles(root))).toBe(before);
  });
});
