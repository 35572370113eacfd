#!/usr/bin/env node
// Draws the web app manifest's PNG icons from public/favicon.svg (the one source), with the
// system's Chromium (as `playgrad run` uses), so the icons never drift from the favicon:
//   public/icons/icon-192.png, icon-512.png   the favicon as it is ("any")
//   public/icons/maskable-512.png             full-bleed, the mark inside the safe zone
//                                             (launchers crop it to a circle or squircle)
//   node scripts/make-icons.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const svg = readFileSync(join(PUBLIC_DIR, 'favicon.svg'), 'utf8');
const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
// The favicon's background: a maskable icon fills its whole square with it.
const BACKGROUND = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#ffffff';

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch({
  executablePath: process.env.PLAYGRAD_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
mkdirSync(join(PUBLIC_DIR, 'icons'), { recursive: true });
for (const { file, size, maskable } of ICONS) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // The maskable safe zone is the middle 80 % circle: the mark takes 70 % of the square.
  const mark = maskable ? Math.round(size * 0.7) : size;
  await page.setContent(
    `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;` +
      `background:${maskable ? BACKGROUND : 'transparent'}">` +
      `<img src="${svgUrl}" width="${mark}" height="${mark}"></body>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: join(PUBLIC_DIR, 'icons', file), omitBackground: !maskable });
  await page.close();
  console.log(`public/icons/${file} (${size}×${size})`);
}
await browser.close();
