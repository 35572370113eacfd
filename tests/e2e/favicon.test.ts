/**
 * The site's icon: the index (so every lesson) and the headless runner page link an icon
 * the site ships, so the browser never probes /favicon.ico (a 404 on every visit, and a
 * request outside the site's folder when it is served from a sub-path).
 */
import { expect, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const { browser, siteUrl } = useBrowser();

test.each(['', 'runner.html'])(
  'the page "%s" links its icon, and nothing asks for /favicon.ico',
  async (path) => {
    const { context, page } = await openPage(browser(), 'about:blank');
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    // The browser's own icon request, for whatever icon the page names (or /favicon.ico).
    const iconRequest = page.waitForRequest((request) =>
      /\/favicon\.(svg|ico)$/.test(new URL(request.url()).pathname),
    );
    await page.goto(`${siteUrl}${path}`);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBe('./favicon.svg');

    const icon = await (await iconRequest).response();
    expect(icon?.url()).toBe(new URL('favicon.svg', siteUrl).href);
    expect(icon?.status()).toBe(200);
    expect(await icon?.headerValue('content-type')).toMatch(/^image\/svg\+xml/);
    expect(failed).toEqual([]);
    await context.close();
  },
);
