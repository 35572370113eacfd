/** Serves the built site on localhost with Vite's preview server (a plain static server). */
import { preview, type PreviewServer } from 'vite';
import { projectRoot } from './paths';

export interface Site {
  url: string;
  close(): Promise<void>;
}

export async function serveSite(options: { port?: number; host?: string } = {}): Promise<Site> {
  const server: PreviewServer = await preview({
    root: projectRoot,
    logLevel: 'silent',
    preview: {
      port: options.port ?? 0,
      host: options.host ?? '127.0.0.1',
      strictPort: options.port !== undefined,
      open: false,
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
