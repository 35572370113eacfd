import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResolvedConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectContent,
  contentPlugin,
  serveContent,
  type ContentFile,
} from '../../../scripts/vite/content-plugin';
import { readFixture } from './fixtures';

const FIXTURES_ROOT = path.resolve(__dirname, '../../fixtures');
let root = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'playgrad-content-'));
  const put = async (rel: string, content: string | Uint8Array): Promise<void> => {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), content);
  };
  await put('notebooks/week1/gradient-descent.md', readFixture('full-lesson.md'));
  await put('notebooks/week2/line-endings.md', readFixture('crlf.md'));
  await put('notebooks/week1/notes.txt', 'not a notebook');
  await put('datasets/README.md', '# Sources and licences');
  await put('datasets/diabetes.csv', 'x,y\n1,2\n');
  await put('datasets/.DS_Store', 'junk');
  await put('datasets/mnist/images.bin', new Uint8Array([0, 1, 2, 255]));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const byName = (files: ContentFile[]): Map<string, ContentFile['source']> =>
  new Map(files.map((file) => [file.fileName, file.source]));

describe('collectContent', () => {
  it('collects notebooks, datasets (not READMEs or hidden files) and course.json', async () => {
    const { files, errors } = await collectContent(root);
    expect(errors).toEqual([]);
    expect(files.map((file) => file.fileName)).toEqual([
      'notebooks/week1/gradient-descent.md',
      'notebooks/week2/line-endings.md',
      'datasets/diabetes.csv',
      'datasets/mnist/images.bin',
      'course.json',
    ]);
    const sources = byName(files);
    expect(sources.get('notebooks/week1/gradient-descent.md')).toBe(readFixture('full-lesson.md'));
    expect([...(sources.get('datasets/mnist/images.bin') as Uint8Array)]).toEqual([0, 1, 2, 255]);
    const course: unknown = JSON.parse(String(sources.get('course.json')));
    expect(course).toEqual({
      lessons: [
        {
          slug: 'week1/gradient-descent',
          frontMatter: expect.objectContaining({ title: 'Gradient descent', week: 1, order: 1 }),
          exercises: ['grad'],
        },
        { slug: 'week2/line-endings', frontMatter: { title: 'Line endings', week: 2, order: 0 } },
      ],
    });
  });

  it('reports each notebook that does not parse as file:line: message', async () => {
    const { errors } = await collectContent(FIXTURES_ROOT);
    expect(errors).toContain(
      'notebooks/week-one.md:3: front matter: "week" must be a whole number >= 1, got "one"',
    );
    expect(errors).toContain(
      'notebooks/unterminated-fence.md:9: code fence opened at line 9 is never closed',
    );
    expect(errors).toContain(
      'notebooks/duplicate-id.md:11: duplicate cell id "fit" (first used at line 7)',
    );
    expect(errors).toHaveLength(6);
  });
});

describe('contentPlugin', () => {
  type Hook = (this: unknown) => Promise<void>;
  async function build(at: string): Promise<ContentFile[]> {
    const plugin = contentPlugin();
    const configResolved = plugin.configResolved as (config: ResolvedConfig) => void;
    configResolved({ root: at } as ResolvedConfig);
    const emitted: ContentFile[] = [];
    const context = {
      emitFile: (file: { fileName: string; source: ContentFile['source'] }) => {
        emitted.push({ fileName: file.fileName, source: file.source });
        return file.fileName;
      },
      error: (message: string): never => {
        throw new Error(message);
      },
    };
    await (plugin.generateBundle as Hook).call(context);
    return emitted;
  }

  it('emits every content file as an asset in a build', async () => {
    const emitted = await build(root);
    expect(emitted.map((file) => file.fileName)).toContain('course.json');
    expect(emitted).toHaveLength(5);
  });

  it('fails the build when a notebook does not parse', async () => {
    await expect(build(FIXTURES_ROOT)).rejects.toThrow(
      /notebooks\/missing-title\.md:1: front matter: "title" is required/,
    );
  });
});

describe('serveContent', () => {
  it('answers notebooks, datasets and course.json with their content types', async () => {
    const notebook = await serveContent(root, 'notebooks/week1/gradient-descent.md');
    expect(notebook).toMatchObject({ status: 200, contentType: 'text/markdown; charset=utf-8' });
    expect(String(notebook?.body)).toBe(readFixture('full-lesson.md'));
    expect(await serveContent(root, 'datasets/diabetes.csv')).toMatchObject({
      status: 200,
      contentType: 'text/csv; charset=utf-8',
    });
    const course = await serveContent(root, 'course.json');
    expect(course?.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(String(course?.body)).lessons).toHaveLength(2);
  });

  it('answers 404 for missing, hidden, escaping or undocumented paths, and leaves others to Vite', async () => {
    for (const rel of [
      'notebooks/week9/missing.md',
      'notebooks/week1/notes.txt',
      'datasets/README.md',
      'datasets/.DS_Store',
      'datasets/../package.json',
      'datasets/mnist',
    ]) {
      expect((await serveContent(root, rel))?.status, rel).toBe(404);
    }
    expect(await serveContent(root, 'src/main.ts')).toBeUndefined();
    expect(await serveContent(root, 'index.html')).toBeUndefined();
  });

  it('lists notebooks that do not parse in the dev course index', async () => {
    const course = await serveContent(FIXTURES_ROOT, 'course.json');
    const index = JSON.parse(String(course?.body)) as { lessons: unknown[]; errors: string[] };
    expect(index.errors).toHaveLength(6);
    expect(index.lessons.length).toBeGreaterThan(0);
  });
});
