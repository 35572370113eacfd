/**
 * Serves the course content as files, never bundled into JavaScript ("content is data"):
 *
 *   notebooks/**\/*.md  → <base>notebooks/<same path>
 *   datasets/**         → <base>datasets/<same path>   (README.md files stay in the repo)
 *   course.json         → { lessons: LessonEntry[] }, built from every notebook's front matter
 *                          (with each lesson's per-lesson `assets`, scripts/vite/lesson-assets.ts)
 *
 * In dev a middleware answers those paths from disk (a notebook edit reloads the page);
 * in a build they are emitted as assets, and a notebook that does not parse fails the
 * build with `file:line: message`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { buildCourse, type CourseError } from '../../src/notebook/course';
import type { LessonEntry } from '../../src/notebook/types';
import { findAssetFiles, lessonAssets } from './lesson-assets';

export interface ContentFile {
  /** Path in the built site, relative to its base: 'notebooks/week1/intro.md'. */
  fileName: string;
  source: string | Uint8Array;
}

export interface CourseIndex {
  lessons: LessonEntry[];
  /** Only in dev: notebooks that do not parse (a build fails instead). */
  errors?: string[];
}

const CONTENT_TYPES: Record<string, string> = {
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gz': 'application/gzip',
  '.bin': 'application/octet-stream',
};

export const contentType = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Every file under `dir`, as paths relative to it with '/' separators, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (sub: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(dir, sub), { withFileTypes: true });
    } catch {
      return; // A missing folder simply has no content.
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else if (entry.isFile()) found.push(rel);
    }
  };
  await walk('');
  return found.sort();
}

const isNotebook = (rel: string): boolean => rel.endsWith('.md');
/** Dataset READMEs document sources and licences; they are not data. */
const isDataset = (rel: string): boolean => path.posix.basename(rel) !== 'README.md';

/** `notebooks/week1/x.md:3: front matter: …` */
export function formatCourseError(error: CourseError): string {
  const file = `notebooks/${error.slug}.md`;
  const message = error.message.replace(/ \(line \d+\)$/, '');
  return error.line !== undefined ? `${file}:${error.line}: ${message}` : `${file}: ${message}`;
}

/** The course index from the notebooks under `root/notebooks`. */
export async function collectCourse(
  root: string,
): Promise<{ course: CourseIndex; notebooks: ContentFile[]; errors: string[] }> {
  const dir = path.join(root, 'notebooks');
  const notebooks: ContentFile[] = [];
  const entries: { slug: string; text: string }[] = [];
  for (const rel of (await listFiles(dir)).filter(isNotebook)) {
    const text = await readFile(path.join(dir, rel), 'utf8');
    notebooks.push({ fileName: `notebooks/${rel}`, source: text });
    entries.push({ slug: rel.replace(/\.md$/, ''), text });
  }
  const { lessons, errors } = buildCourse(entries);
  const files = findAssetFiles(root);
  const withAssets = lessons.map((lesson) => {
    const found = lessonAssets(lesson, files);
    errors.push(...found.errors.map((message) => ({ slug: lesson.slug, message })));
    return found.assets.length > 0 ? { ...lesson, assets: found.assets } : lesson;
  });
  return { course: { lessons: withAssets }, notebooks, errors: errors.map(formatCourseError) };
}

/** Everything a build emits: notebooks, datasets and course.json. */
export async function collectContent(
  root: string,
): Promise<{ files: ContentFile[]; errors: string[] }> {
  const { course, notebooks, errors } = await collectCourse(root);
  const datasetsDir = path.join(root, 'datasets');
  const datasets: ContentFile[] = [];
  for (const rel of (await listFiles(datasetsDir)).filter(isDataset)) {
    datasets.push({
      fileName: `datasets/${rel}`,
      source: await readFile(path.join(datasetsDir, rel)),
    });
  }
  const courseFile = { fileName: 'course.json', source: `${JSON.stringify(course, null, 2)}\n` };
  return { files: [...notebooks, ...datasets, courseFile], errors };
}

export interface ContentResponse {
  status: number;
  contentType: string;
  body: string | Uint8Array;
}

/**
 * The dev server's answer for `rel` (the request path after the base), or undefined when
 * the path is not content and Vite should handle it.
 */
export async function serveContent(
  root: string,
  rel: string,
): Promise<ContentResponse | undefined> {
  if (rel === 'course.json') {
    const { course, errors } = await collectCourse(root);
    const body: CourseIndex = errors.length > 0 ? { ...course, errors } : course;
    return { status: 200, contentType: contentType(rel), body: JSON.stringify(body) };
  }
  const [folder, ...rest] = rel.split('/');
  if (folder !== 'notebooks' && folder !== 'datasets') return undefined;
  const inside = rest.join('/');
  const dir = path.join(root, folder);
  const file = path.resolve(dir, inside);
  const notFound = {
    status: 404,
    contentType: 'text/plain; charset=utf-8',
    body: `Not found: ${rel}`,
  };
  // Only what a build would emit: no escaping the folder with '..', no hidden files.
  const served = folder === 'notebooks' ? isNotebook(inside) : isDataset(inside);
  const hidden = inside.split('/').some((part) => part.startsWith('.'));
  if (!served || hidden || !file.startsWith(dir + path.sep)) return notFound;
  try {
    if (!(await stat(file)).isFile()) return notFound;
    return { status: 200, contentType: contentType(file), body: await readFile(file) };
  } catch {
    return notFound;
  }
}

function installMiddleware(server: ViteDevServer): void {
  const root = server.config.root;
  server.middlewares.use((req, res, next) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]);
    } catch {
      return next(); // A malformed URL is not ours to answer.
    }
    const base = server.config.base.startsWith('/') ? server.config.base : '/';
    if (!pathname.startsWith(base)) return next();
    serveContent(root, pathname.slice(base.length)).then(
      (response) => {
        if (!response) return next();
        res.statusCode = response.status;
        res.setHeader('Content-Type', response.contentType);
        res.setHeader('Cache-Control', 'no-cache');
        res.end(response.body);
      },
      (error: unknown) => next(error),
    );
  });

  const notebooks = path.join(root, 'notebooks');
  server.watcher.add([notebooks, path.join(root, 'datasets')]);
  server.watcher.on('all', (_event, file) => {
    if (file.startsWith(notebooks + path.sep) && file.endsWith('.md')) {
      server.ws.send({ type: 'full-reload', path: '*' });
    }
  });
}

export function contentPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'playgrad-content',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      installMiddleware(server);
    },
    async generateBundle() {
      const { files, errors } = await collectContent(root);
      if (errors.length > 0) {
        this.error(`notebooks that do not parse:\n${errors.join('\n')}`);
      }
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
      }
    },
  };
}
