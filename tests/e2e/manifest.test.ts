/**
 * Installing the site: every page links a web app manifest that Chromium parses without
 * error and finds installable, with PNG icons of the sizes it declares, and the service
 * worker precaches the manifest and its icons (an installed app starts offline).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/cli/browser';
import { useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** The icon's real size, as the browser decodes it. */
function naturalSize(page: Page, url: string): Promise<string> {
  return page.evaluate(async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    return `${image.naturalWidth}x${image.naturalHeight}`;
  }, url);
}

test('the site links a manifest Chromium finds installable, with its icons', async () => {
  // Chromium never offers to install from an incognito context (every newContext is one):
  // a real profile, with the service worker running, as a learner has it.
  const profile = await mkdtemp(path.join(tmpdir(), 'playgrad-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const page = await context.newPage();
  await page.goto(siteUrl);
  await page.getByRole('link', { name: /Gradient descent/ }).waitFor();

  const href = await page.evaluate(
    () => document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href,
  );
  expect(href).toBe(new URL('manifest.webmanifest', siteUrl).href);
  const response = await page.request.get(href ?? '');
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({
    name: expect.stringContaining('Playgrad'),
    short_name: 'Playgrad',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });

  const icons = manifest.icons as ManifestIcon[];
  expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of icons) {
    expect(icon.type).toBe('image/png');
    expect(await naturalSize(page, new URL(icon.src, href).href)).toBe(icon.sizes);
  }

  // Chromium's own reading of the manifest: no parse errors, nothing stopping an install.
  const cdp = await context.newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.errors).toEqual([]);
  await expect
    .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors)
    .toEqual([]);

  // The service worker precaches the manifest and every icon.
  const worker = await (await page.request.get(new URL('sw.js', siteUrl).href)).text();
  for (const file of ['manifest.webmanifest', ...icons.map((icon) => icon.src)]) {
    expect(worker).toContain(`"${file}"`);
  }
  await context.close();
  await rm(profile, { recursive: true, force: true });
});

test('the runner page links the same manifest', async () => {
  const context = await browser().newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${siteUrl}runner.html`);
  const href = await page.evaluate(
    () => document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href,
  );
  expect(href).toBe(new URL('manifest.webmanifest', siteUrl).href);
  await context.close();
});
