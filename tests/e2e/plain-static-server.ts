/**
 * The plainest static host there is: files from a folder under a sub-path, a
 * Content-Type by extension, 404 for anything else. No COOP/COEP headers, no SPA
 * fallback, no rewrites — what a course page on a school's web server or GitHub Pages
 * gives. Tests serve dist/ with it to prove the site needs nothing more.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface PlainServer {
  /** The site's URL, ending with the sub-path and '/'. */
  url: string;
  /** Every path requested, in order (to check nothing escaped the sub-path). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `root` at http://127.0.0.1:<port><subPath> (subPath like '/course/playgrad/'). */
export async function servePlain(root: string, subPath: string): Promise<PlainServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requests.push(path);
    void answer(root, subPath, path).then(
      (file) => {
        if (!file) {
          response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
          return;
        }
        const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
        response.writeHead(200, { 'Content-Type': type });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The file for a request path, or undefined (outside the sub-path, missing, a folder without index). */
async function answer(root: string, subPath: string, path: string): Promise<string | undefined> {
  if (!path.startsWith(subPath)) return undefined;
  const relative = path.slice(subPath.length);
  let file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  return info?.isFile() ? file : undefined;
}
