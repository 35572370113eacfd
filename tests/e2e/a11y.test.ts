/**
 * Accessibility and Content-Security-Policy, in real Chromium: an axe-core audit of the
 * course index and of a lesson full of outputs, keyboard operation, and a CSP that keeps
 * scripts from other hosts out.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  RUN_ALL_TIMEOUT_MS,
  cell,
  openMoreMenu,
  openPage,
  setCellCode,
  useBrowser,
  waitForRunAll,
  waitForStatus,
} from './browser';

const { browser, siteUrl } = useBrowser();

/** Table, Plotly charts (one live), a progress bar and a slider: the richest lesson. */
const RICH_LESSON = 'week3/classification';
/** More Tab presses than this means a control is not where a keyboard user expects it. */
const MAX_TABS = 60;

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core in the page; returns the serious and critical violations, readably. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${JSON.stringify(n.target)}  ${n.failureSummary ?? ''}`)
          .join('\n'),
    );
}

/** Records CSP violations and console errors from the first script on. */
async function watchCsp(page: Page): Promise<{ violations: () => Promise<string[]> }> {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) {
      consoleErrors.push(m.text());
    }
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI}`),
    );
  });
  return {
    violations: async () => [
      ...consoleErrors,
      ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
    ],
  };
}

/** Presses Tab until `target` has focus; returns how many presses it took. */
async function tabTo(page: Page, matches: () => Promise<boolean>): Promise<number> {
  for (let presses = 1; presses <= MAX_TABS; presses++) {
    await page.keyboard.press('Tab');
    if (await matches()) return presses;
  }
  throw new Error(`not reached in ${MAX_TABS} Tab presses`);
}

async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || !el.matches(':focus-visible')) return false;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== 'none';
  });
}

describe('axe-core audit', () => {
  test('the course index has no serious or critical violations', async () => {
    const { context, page, errors } = await openPage(browser(), siteUrl);
    await page.getByRole('link', { name: /Gradient descent/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a lesson after Run all (tables, charts, progress, slider) has none either', async () => {
    const { context, page } = await openPage(browser(), `${siteUrl}#/lesson/${RICH_LESSON}`);
    await page.getByRole('button', { name: 'Run all' }).click();
    await waitForRunAll(page);
    const output = (mime: string) => page.locator(`[data-testid="output"][data-mime="${mime}"]`);
    await output('application/vnd.plotly.v1+json').locator('.main-svg').first().waitFor();
    expect(await output('application/vnd.dataresource+json').count()).toBeGreaterThan(0);
    expect(await page.locator('input[type="range"]').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('present mode (a hint shown, the link panel open) has none either', async () => {
    const { context, page } = await openPage(
      browser(),
      `${siteUrl}#/lesson/week1/gradient-descent?view=present&section=the-gradient`,
    );
    await page.getByTestId('present').waitFor();
    await page.getByRole('button', { name: /Show a hint/ }).click();
    await page.getByTestId('hint').waitFor();
    await page.getByText('Link to this point').click();
    await page.getByTestId('teaching-link').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: from the bar's title, Tab reaches the next-section button with visible
    // focus; Enter moves on.
    await page.getByTestId('present').getByText('Gradient descent').first().click();
    const next = page.getByRole('button', { name: 'Next section' });
    await tabTo(page, () => next.evaluate((el) => el === document.activeElement));
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('present').getAttribute('data-section-id')).resolves.toBe(
      'walking-downhill',
    );
    await context.close();
  });
});

describe('keyboard', () => {
  test('Tab reaches Run all and a cell’s Run, focus is visible, Shift+Enter runs', async () => {
    const { context, page } = await openPage(
      browser(),
      `${siteUrl}#/lesson/week1/gradient-descent`,
    );
    const runAll = page.getByRole('button', { name: 'Run all' });
    await runAll.waitFor();
    await tabTo(page, () => runAll.evaluate((el) => el === document.activeElement));
    expect(await focusIsVisible(page)).toBe(true);

    const firstRun = cell(page, 'load').getByRole('button', { name: /^Run/ });
    await tabTo(page, () => firstRun.evaluate((el) => el === document.activeElement));
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'load', 'ok');

    // Shift+Enter in an editor runs its cell.
    await setCellCode(page, 'tensors', '6 * 7');
    await page.keyboard.press('Shift+Enter');
    await waitForStatus(page, 'tensors', 'ok');
    await expect(cell(page, 'tensors').locator('[data-testid="output"]').innerText()).resolves.toBe(
      '42',
    );
    await context.close();
  });
});

describe('Content-Security-Policy', () => {
  test('the index and a lesson’s Run all (WASM, Plotly, KaTeX) break no rule', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const csp = await watchCsp(page);
    // WASM pinned: left to measure, a loaded machine may find (software) WebGL faster.
    await page.goto(`${siteUrl}?backend=wasm`);
    await page.getByRole('link', { name: /Gradient descent/ }).click();
    await page.locator('.katex').first().waitFor();
    await page.getByRole('button', { name: 'Run all' }).click();
    await waitForStatus(page, 'rates', 'ok', RUN_ALL_TIMEOUT_MS);
    await cell(page, 'rates').locator('.main-svg').first().waitFor();
    // Where the code runs is in the lesson bar's "More" menu.
    await openMoreMenu(page);
    await expect(page.getByTestId('backend').innerText()).resolves.toMatch(/WASM/);
    expect(await csp.violations()).toEqual([]);
    await context.close();
  });

  test('a script from another host is neither executed nor fetched', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const csp = await watchCsp(page);
    // Chromium reports a request the policy blocks as started then failed ('csp'); what
    // must never happen is a response, i.e. the script actually fetched.
    const fetched: string[] = [];
    // Were the request let through, this stands in for the other host (there is no
    // internet in CI) with a script that leaves a mark.
    await page.route('https://example.com/**', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'window.__foreign = 1;' }),
    );
    page.on('response', (r) => {
      if (new URL(r.url()).hostname === 'example.com') fetched.push(r.url());
    });
    await page.goto(`${siteUrl}#/lesson/week1/gradient-descent`);
    await setCellCode(
      page,
      'load',
      [
        "import { display, html } from 'playgrad';",
        'display(html(\'<script src="https://example.com/x.js"></script><b>after</b>\'));',
      ].join('\n'),
    );
    await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
    await waitForStatus(page, 'load', 'ok');
    await expect(cell(page, 'load').locator('b').innerText()).resolves.toBe('after');

    // Were the sanitizer ever bypassed, the policy still refuses the script: insert one
    // directly, as a successful injection would.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.src = 'https://example.com/y.js';
      document.body.append(script);
    });
    // The policy's verdict on that script is the condition (and the positive control that
    // the insertion really happened); only then is the absence of a fetch meaningful.
    await expect
      .poll(async () => (await csp.violations()).some((v) => v.includes('example.com/y.js')))
      .toBe(true);
    expect(fetched).toEqual([]);
    expect(await page.evaluate(() => '__foreign' in window)).toBe(false);
    expect(await cell(page, 'load').locator('script').count()).toBe(0);
    await context.close();
  });
});
