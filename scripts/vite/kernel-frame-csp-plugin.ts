/**
 * Puts the SHA-256 of the kernel frame's inline script (src/kernel-host/frame-script.ts)
 * into the pages' Content-Security-Policy, where `'kernel-frame-script'` stands for it: the
 * `srcdoc` frame inherits the page's CSP, so its script runs only if the page names it.
 */
import type { Plugin } from 'vite';
import { kernelFrameScriptHash } from '../../src/kernel-host/frame-script';

export const KERNEL_FRAME_PLACEHOLDER = "'kernel-frame-script'";

export function kernelFrameCspPlugin(): Plugin {
  return {
    name: 'playgrad-kernel-frame-csp',
    async transformIndexHtml(html) {
      if (!html.includes(KERNEL_FRAME_PLACEHOLDER)) return html;
      return html.replaceAll(KERNEL_FRAME_PLACEHOLDER, await kernelFrameScriptHash());
    },
  };
}
