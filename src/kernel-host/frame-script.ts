/**
 * The sandboxed frame that gives the kernel its own, opaque origin: `<iframe
 * sandbox="allow-scripts" srcdoc=…>`. A `srcdoc` frame needs no request (so it loads
 * offline, where a sandboxed `src=` frame would bypass the service worker) and inherits the
 * page's CSP, so this inline script is allowed by its SHA-256 in the page's `script-src`
 * (scripts/vite/kernel-frame-csp-plugin.ts puts it there at build).
 *
 * The script starts the bootstrap as a *classic* worker from a blob: URL (a module worker
 * from a blob: URL does not start in an opaque origin) and hands it the kernel's port.
 * Errors of that worker go to the page, which treats them as the kernel crashing.
 * Keep it small and plain: any edit changes its hash, which the build recomputes.
 */
export const KERNEL_FRAME_SCRIPT = `
addEventListener('message', (event) => {
  const start = event.data;
  if (event.source !== parent || !start || start.host !== 'start' || !event.ports[0]) return;
  const report = (message) => parent.postMessage({ host: 'error', message }, '*');
  try {
    const source = new Blob([start.bootstrap], { type: 'text/javascript' });
    const worker = new Worker(URL.createObjectURL(source), { name: 'playgrad-kernel' });
    worker.addEventListener('error', (error) => report(error.message || 'the kernel failed to start'));
    worker.postMessage({ host: 'start', siteBase: start.siteBase, entry: start.entry }, [event.ports[0]]);
  } catch (error) {
    report(String(error));
  }
});
`;

/** The frame's whole document. */
export function kernelFrameHtml(): string {
  return `<!doctype html><meta charset="utf-8"><title>Kernel</title><script>${KERNEL_FRAME_SCRIPT}</script>`;
}

/** The CSP source that allows the frame's script: `'sha256-…'` of its exact text. */
export async function kernelFrameScriptHash(): Promise<string> {
  const bytes = new TextEncoder().encode(KERNEL_FRAME_SCRIPT);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  const base64 = btoa(String.fromCharCode(...new Uint8Array(digest)));
  return `'sha256-${base64}'`;
}
