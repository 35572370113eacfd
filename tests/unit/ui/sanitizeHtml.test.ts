/**
 * DOMPurify needs a real DOM and jsdom is not installed, so this runs the exact configs
 * from sanitize.ts through DOMPurify inside headless Chromium (the browser the e2e suite
 * uses). Skipped, with a message, where Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderMarkdown } from '../../../src/ui/markdown/markdown';
import {
  IMPORTED_PROSE_SANITIZE_CONFIG,
  OUTPUT_SANITIZE_CONFIG,
  PROSE_SANITIZE_CONFIG,
} from '../../../src/ui/markdown/sanitize';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BROWSER_TIMEOUT_MS = 30_000;
const purifyScript = createRequire(import.meta.url).resolve('dompurify/dist/purify.min.js');

describe.skipIf(!existsSync(CHROMIUM))('sanitize configs (in Chromium)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    page = await browser.newPage();
    await page.setContent('<!doctype html><body></body>');
    await page.addScriptTag({ path: purifyScript });
  }, BROWSER_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  /** Sanitizes, inserts the result into the page, and reports whether any handler ran. */
  const sanitize = (html: string, config: object) =>
    page.evaluate(
      async ([html, config]) => {
        const win = window as unknown as {
          DOMPurify: { sanitize(html: string, config: object): string };
          pwned?: boolean;
        };
        win.pwned = false;
        const clean = win.DOMPurify.sanitize(html, config);
        const host = document.createElement('div');
        host.innerHTML = clean;
        document.body.append(host);
        // Wait until every image has loaded or failed: an inline onerror left in would
        // have run by then (the events fire in a later task, after these listeners exist).
        // (An image without a src fires neither event.)
        const images = Array.from(host.querySelectorAll('img[src]'));
        await Promise.all(
          images.map(
            (img) =>
              new Promise((resolve) => {
                img.addEventListener('error', resolve);
                img.addEventListener('load', resolve);
              }),
          ),
        );
        host.remove();
        return { clean, pwned: win.pwned, images: images.length };
      },
      [html, config] as const,
    );

  it('strips event handlers: <img onerror> never runs', async () => {
    const { clean, pwned, images } = await sanitize(
      '<img src=x onerror="window.pwned=true"><p onclick="window.pwned=true">hi</p>',
      OUTPUT_SANITIZE_CONFIG,
    );
    expect(images).toBe(1); // the broken image is kept, so its error event did fire
    expect(pwned).toBe(false);
    expect(clean).not.toMatch(/onerror|onclick/);
    expect(clean).toContain('<p>hi</p>');
  });

  it('strips scripts, javascript: URLs, styles and forms', async () => {
    const { clean } = await sanitize(
      '<script>window.pwned=true</script><a href="javascript:alert(1)">x</a>' +
        '<style>body{display:none}</style><form><input name=q></form><b>kept</b>',
      OUTPUT_SANITIZE_CONFIG,
    );
    expect(clean).not.toMatch(/script|javascript:|<style|<form|<input/);
    expect(clean).toContain('<b>kept</b>');
  });

  it('keeps KaTeX markup, its MathML and the TeX annotation', async () => {
    const html = renderMarkdown('$\\frac{a}{b}$');
    const { clean } = await sanitize(html, OUTPUT_SANITIZE_CONFIG);
    expect(clean).toContain('class="katex"');
    expect(clean).toContain('<semantics>');
    expect(clean).toContain('<annotation encoding="application/x-tex">\\frac{a}{b}</annotation>');
    expect(clean).toContain('style="height:');
  });

  it('keeps a verdict mark (drawn with CSS, not an emoji font) in outputs and prose', async () => {
    const html = renderMarkdown('✅ **Right.**');
    for (const config of [OUTPUT_SANITIZE_CONFIG, PROSE_SANITIZE_CONFIG]) {
      const { clean } = await sanitize(html, config);
      expect(clean).toContain(
        '<span class="verdict-mark ok" role="img" aria-label="passed"></span>',
      );
    }
  });

  it('drops a name that would shadow a document property, in every profile', async () => {
    const html = '<img name="createElement" alt="x"><h2 id="images">Images</h2>';
    const prose = await sanitize(html, PROSE_SANITIZE_CONFIG);
    expect(prose.clean).toBe('<img alt="x"><h2 id="images">Images</h2>');
    const imported = await sanitize(html, IMPORTED_PROSE_SANITIZE_CONFIG);
    expect(imported.clean).toBe('<img alt="x"><h2>Images</h2>');
  });

  it('keeps heading ids in prose, even ids that are document properties', async () => {
    const html = renderMarkdown('## Images\n\n[site](https://example.org)');
    const prose = await sanitize(html, PROSE_SANITIZE_CONFIG);
    expect(prose.clean).toContain('<h2 id="images">');
    expect(prose.clean).toContain('target="_blank"');
    // Cell outputs keep DOMPurify's clobbering guard.
    const output = await sanitize(html, OUTPUT_SANITIZE_CONFIG);
    expect(output.clean).toContain('<h2>Images</h2>');
  });
});
