import { describe, expect, test } from 'vitest';
import {
  LESSON,
  RUN_ALL_TIMEOUT_MS,
  cell,
  openMoreMenu,
  openPage,
  setCellCode,
  useBrowser,
  waitForStatus,
} from './browser';

const { browser, siteUrl } = useBrowser();

describe('course index', () => {
  test('lists the lessons from their front matter and opens one', async () => {
    const { context, page, errors } = await openPage(browser(), siteUrl);
    const link = page.getByRole('link', { name: /Gradient descent/ });
    await expect(link.isVisible()).resolves.toBe(true);
    await expect(
      page
        .getByText(/35 min/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    // Objectives on demand: one compact row per lesson, "What you will learn" opens them.
    const objective = page.getByText('Implement gradient descent with tensors in TypeScript');
    await expect(objective.isVisible()).resolves.toBe(false);
    await page.locator('li.card', { has: link }).getByText('What you will learn').click();
    await objective.waitFor({ state: 'visible' });
    await link.click();
    await page.waitForURL(/#\/lesson\/week1\/gradient-descent/);
    await page.getByRole('heading', { name: 'Gradient descent', level: 1 }).first().waitFor();
    // Prose math is rendered by KaTeX.
    expect(await page.locator('.katex').count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Run all', () => {
  test('runs the gradient-descent lesson: exercise, check, rich outputs', async () => {
    const { context, page, errors } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
    const runAll = page.getByRole('button', { name: 'Run all' });

    // Unsolved, the check cell says precisely what is wrong; Run all carries on past a
    // failed check (it is feedback, not a crash).
    await runAll.click();
    await waitForStatus(page, 'rates', 'ok', RUN_ALL_TIMEOUT_MS);
    expect(await cell(page, 'cell-6').getAttribute('data-status')).toBe('error');
    // The verdict says it (the grader's code and stack are folded away).
    await expect(
      page.locator('[data-testid="verdict"][data-for="grad"]').innerText(),
    ).resolves.toContain('all zeros');

    // The learner writes the gradient; now everything runs green.
    await setCellCode(page, 'grad', SOLVED_GRADIENT);
    await runAll.click();
    await waitForStatus(page, 'rates', 'ok', RUN_ALL_TIMEOUT_MS);
    for (const id of ['load', 'tensors', 'model', 'grad', 'cell-6', 'train', 'exact', 'rates']) {
      expect(await cell(page, id).getAttribute('data-status')).toBe('ok');
    }
    await expect(cell(page, 'cell-6').innerText()).resolves.toContain('matches');

    // A table, Plotly charts (one live), a progress bar.
    const outputs = (id: string, mime: string) =>
      cell(page, id).locator(`[data-testid="output"][data-mime="${mime}"]`);
    await expect(outputs('load', 'application/vnd.dataresource+json').count()).resolves.toBe(1);
    await expect(cell(page, 'load').innerText()).resolves.toContain('442');
    await outputs('train', 'application/vnd.plotly.v1+json').locator('.main-svg').first().waitFor();
    await outputs('rates', 'application/vnd.plotly.v1+json').locator('.main-svg').first().waitFor();
    await expect(
      outputs('train', 'application/vnd.playgrad.widget+json').first().innerText(),
    ).resolves.toContain('1000');

    // Gradient descent and least squares agree to three significant figures.
    const table = await outputs('exact', 'application/vnd.dataresource+json').innerText();
    expect(table).toMatch(/gradient descent\s+2860\.\d+\s+2860/);
    expect(table).toMatch(/least squares\s+2859\.\d+\s+2860/);

    // Re-running a cell marks the cells that use its names as stale.
    await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
    await waitForStatus(page, 'tensors', 'stale');
    await expect(cell(page, 'tensors').innerText()).resolves.toMatch(/stale: uses data/);
    expect(await cell(page, 'train').getAttribute('data-status')).toBe('ok');

    // The backend badge (in the lesson bar's "More" menu) names the measured backend.
    await openMoreMenu(page);
    await expect(page.getByTestId('backend').innerText()).resolves.toMatch(/WASM|WebGL|CPU|WebGPU/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

const SOLVED_GRADIENT = `function gradient(X: tf.Tensor2D, y: tf.Tensor1D, w: tf.Tensor1D, b: tf.Scalar) {
return tf.tidy(() => {
const n = X.shape[0];
const e = predict(X, w, b).sub(y);
const dw = tf.dot(e, X).mul(2 / n) as tf.Tensor1D;
const db = e.sum().mul(2 / n) as tf.Scalar;
return { dw, db };
});
}`;
