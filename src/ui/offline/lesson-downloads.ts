/**
 * Downloading a lesson's per-lesson files (course.json `assets`) into the lesson-assets
 * cache, with byte progress, so the lesson works offline. A file is stored only once its
 * whole body has arrived with the size the build recorded: a failed download leaves no
 * truncated file, and a lesson counts as stored only when every file is in the cache.
 */
import type { LessonAsset, LessonEntry } from '../../notebook/types';

/** A lesson with files to download. */
export interface LessonDownload {
  slug: string;
  title: string;
  assets: LessonAsset[];
  bytes: number;
}

/** The parts of a Cache the downloads use (so tests can pass a fake). */
export interface AssetCache {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

export interface DownloadOptions {
  cache: AssetCache;
  /** The site's base URL (document.baseURI): asset URLs are relative to it. */
  baseUrl: string;
  fetch?: (request: Request) => Promise<Response>;
  /** Called as bytes arrive: bytes received so far of `total` still missing at the start. */
  onProgress?: (loaded: number, total: number) => void;
}

const sum = (assets: LessonAsset[]): number => assets.reduce((total, a) => total + a.bytes, 0);

/** The lessons of course.json that have per-lesson files, in course order. */
export function lessonDownloads(lessons: LessonEntry[]): LessonDownload[] {
  return lessons.flatMap((lesson) =>
    lesson.assets && lesson.assets.length > 0
      ? [
          {
            slug: lesson.slug,
            title: lesson.frontMatter.title,
            assets: lesson.assets,
            bytes: sum(lesson.assets),
          },
        ]
      : [],
  );
}

const requestFor = (asset: LessonAsset, baseUrl: string): Request =>
  new Request(new URL(asset.url, baseUrl).href);

/** The files of `assets` not yet in the cache. */
export async function missingAssets(
  assets: LessonAsset[],
  cache: AssetCache,
  baseUrl: string,
): Promise<LessonAsset[]> {
  const missing: LessonAsset[] = [];
  for (const asset of assets) {
    if (!(await cache.match(requestFor(asset, baseUrl)))) missing.push(asset);
  }
  return missing;
}

/** A clear message for a failed download: offline, out of space, or what the server said. */
export function downloadErrorMessage(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return 'Not enough storage space: the browser refused to store the files. Free some space (or delete a hub model below) and try again.';
  }
  if (error instanceof TypeError) {
    return `The network is unavailable (${error.message}). Connect and try again.`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Reads a body to the end, reporting each chunk's size. */
async function readCounting(response: Response, onChunk: (bytes: number) => void) {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    onChunk(whole.byteLength);
    return [whole];
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
    onChunk(value.byteLength);
  }
}

/**
 * Downloads and stores every missing file of `assets`; resolves with the bytes downloaded.
 * Throws (with a message for `downloadErrorMessage`) at the first file that fails.
 */
export async function downloadAssets(
  assets: LessonAsset[],
  options: DownloadOptions,
): Promise<number> {
  const { cache, baseUrl, onProgress } = options;
  const fetchFile = options.fetch ?? ((request: Request) => fetch(request));
  const missing = await missingAssets(assets, cache, baseUrl);
  const total = sum(missing);
  let loaded = 0;
  onProgress?.(0, total);
  for (const asset of missing) {
    const request = requestFor(asset, baseUrl);
    const response = await fetchFile(request);
    if (!response.ok) {
      throw new Error(`Could not download ${asset.url}: ${response.status} ${response.statusText}`);
    }
    // A server may send a file compressed (`Content-Encoding: gzip`): the body then arrives
    // decoded, its size unknown ahead, so progress counts up to the file's size and stops.
    const encoded = response.headers.has('content-encoding');
    let received = 0;
    const chunks = await readCounting(response, (bytes) => {
      received += bytes;
      onProgress?.(loaded + Math.min(received, asset.bytes), total);
    });
    if (!encoded && received !== asset.bytes) {
      // A cut connection or a newer deploy: storing it would serve a wrong file offline.
      throw new Error(
        `Could not download ${asset.url}: got ${received} bytes, expected ${asset.bytes}. Reload the page and try again.`,
      );
    }
    loaded += asset.bytes;
    const headers = new Headers({ 'content-length': String(received) });
    const type = response.headers.get('content-type');
    if (type) headers.set('content-type', type);
    await cache.put(request, new Response(new Blob(chunks), { status: 200, headers }));
  }
  return loaded;
}
