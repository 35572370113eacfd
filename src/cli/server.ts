/** Serves the built site on localhost with Vite's preview server (a plain static server). */
import { preview, type PreviewServer } from 'vite';
import { projectRoot } from './paths';

export interface Site {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /**
   * Send the two headers that make the site cross-origin isolated, so the kernel may use
   * SharedArrayBuffer and tfjs' WASM backend runs on several threads. Every file the site
   * loads is its own (same-origin), so COEP `require-corp` blocks nothing.
   */
  isolated?: boolean;
}

/** The response headers that make a page cross-origin isolated (`self.crossOriginIsolated`). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export async function serveSite(options: ServeOptions = {}): Promise<Site> {
  const server: PreviewServer = await preview({
    root: projectRoot,
    logLevel: 'silent',
    preview: {
      port: options.port ?? 0,
      host: options.host ?? '127.0.0.1',
      strictPort: options.port !== undefined,
      open: false,
      headers: options.isolated ? { ...ISOLATION_HEADERS } : undefined,
    },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The site server has no port');
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/`,
    close: () => server.close(),
  };
}
