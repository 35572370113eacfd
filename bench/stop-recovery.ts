/**
 * Stop's usable-again time (issue 10): how long from pressing Stop on a cell stuck in a
 * tight loop until the next cell has run, in the real lesson page, the kernel in its own
 * origin. A benchmark, not a test: `npx tsx bench/stop-recovery.ts [runs]` (after a build).
 */
import { serveSite } from '../src/cli/server';
import { launchBrowser } from '../src/cli/browser';

const runs = Number(process.argv[2] ?? 6);
const site = await serveSite();
const browser = await launchBrowser();
const times: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${site.url}#/lesson/week1/notebooks?backend=wasm`);
    const state = page.getByTestId('kernel-state');
    await state.filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
    const cell = (id: string) => page.locator(`[data-cell-id="${id}"]`);
    await cell('values').locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('while (true) {}');
    await cell('values').getByRole('button', { name: /^Run/ }).first().click();
    await cell('values').and(page.locator('[data-status="running"]')).waitFor();
    const start = Date.now();
    await page.getByRole('button', { name: 'Stop' }).click();
    await state.filter({ hasText: 'Ready' }).waitFor({ timeout: 30_000 });
    await cell('shared').getByRole('button', { name: /^Run/ }).first().click();
    // Any finished run (it may miss the names the stopped cell would have defined).
    const done = page.locator('[data-status="ok"], [data-status="error"]');
    await cell('shared').and(done).waitFor({ timeout: 30_000 });
    times.push(Date.now() - start);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`Stop → next cell ran, ms: ${times.join(', ')}`);
console.log(`median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms`);
