/**
 * Exporting .ipynb draws each Plotly chart as a PNG too (src/ui/share/chart-images.ts), so
 * GitHub, which never runs Plotly's JSON, shows the chart. Runs the real lesson page in
 * headless Chromium and decodes what was downloaded.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { LESSON, cell, openPage, setCellCode, useBrowser, waitForStatus } from './browser';

const { browser, siteUrl } = useBrowser();
const TEST_TIMEOUT_MS = 240_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A drawn 800×450 chart is tens of kB; a blank or broken image is far smaller. */
const MIN_CHART_PNG_BYTES = 5_000;
const CHART = [
  "import { plot } from 'playgrad';",
  "plot.line([1, 4, 9, 16, 25], { title: 'squares', xlabel: 'n' })",
].join('\n');

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
}

test(
  'Export .ipynb writes a chart as Plotly JSON and as a decodable PNG',
  async () => {
    const { context, page, errors } = await openPage(browser(), `${siteUrl}#/lesson/${LESSON}`);
    await setCellCode(page, 'load', CHART);
    await cell(page, 'load').getByRole('button', { name: /^Run/ }).click();
    await waitForStatus(page, 'load', 'ok');
    await cell(page, 'load').locator('.plot .main-svg').first().waitFor();

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export .ipynb', exact: true }).first().click(),
    ]);
    const json = JSON.parse(await readFile(await file.path(), 'utf8')) as {
      cells: { id: string; outputs?: Output[] }[];
    };
    const outputs = json.cells.find((c) => c.id === 'load')?.outputs ?? [];
    const chart = outputs.find((o) => o.data?.['application/vnd.plotly.v1+json'] !== undefined);
    expect(chart?.data?.['application/vnd.plotly.v1+json']).toMatchObject({
      layout: { title: expect.anything() },
    });
    const base64 = chart?.data?.['image/png'];
    expect(typeof base64).toBe('string');
    const png = Buffer.from(base64 as string, 'base64');
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(MIN_CHART_PNG_BYTES);
    // IHDR: width and height at bytes 16–23: 800 wide, as tall as the figure asks.
    const figure = chart?.data?.['application/vnd.plotly.v1+json'] as {
      layout: { height: number };
    };
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, figure.layout.height]);
    await expect(page.getByTestId('export-chart-note').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  },
  TEST_TIMEOUT_MS,
);
