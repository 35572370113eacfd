/**
 * The `playgrad` command end to end: it builds (if needed), serves, and runs notebooks in
 * headless Chromium, printing a line per cell and JSON reports.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { NotebookReport } from '../../src/ui/headless/report';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/run');

function playgrad(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin/playgrad.mjs'), ...args],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const reports = (stdout: string): NotebookReport[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as NotebookReport);

/**
 * Every lesson of the course in one run; it grows with the course (22 lessons, the MLP and CNN on
 * all of Fashion-MNIST / MNIST among them: several minutes on 2 cores). A guard, not a speed test.
 */
const RUN_ALL_LESSONS_TIMEOUT_MS = 1_800_000;

describe('playgrad run', () => {
  test('--all runs every lesson green', { timeout: RUN_ALL_LESSONS_TIMEOUT_MS }, async () => {
    const { code, stdout, stderr } = await playgrad(['run', '--all', '--json']);
    expect(stderr).toContain('✓');
    expect(code).toBe(0);
    const all = reports(stdout);
    expect(all.length).toBeGreaterThanOrEqual(1);
    for (const report of all) {
      expect(report.ok, report.notebook).toBe(true);
      expect(report.cells.every((c) => c.status !== 'error')).toBe(true);
      // Every lesson disposes the tensors it creates: the kernel ends where it started.
      expect(report.tensors, `${report.notebook} leaves tensors`).toBe(0);
    }
    const lesson = all.find((r) => r.notebook.endsWith('gradient-descent.md'));
    expect(lesson).toBeDefined();
    const byId = Object.fromEntries(lesson!.cells.map((c) => [c.id, c]));
    expect(byId['grad'].status).toBe('ok');
    expect(byId['cell-5'].status).toBe('skipped'); // the solution, substituted into 'grad'
    expect(JSON.stringify(byId['cell-6'].outputs)).toContain('matches');
    expect(byId['train'].outputs.some((o) => 'application/vnd.plotly.v1+json' in o)).toBe(true);
  });

  test('a notebook from anywhere on disk: exercise solved, python shown not run', async () => {
    const { code, stdout } = await playgrad(['run', path.join(fixtures, 'outside.md'), '--json']);
    expect(code).toBe(0);
    const [report] = reports(stdout);
    expect(report.cells.map((c) => [c.id, c.status])).toEqual([
      ['iris', 'ok'],
      ['mean', 'ok'],
      ['cell-4', 'skipped'],
      ['cell-5', 'ok'],
    ]);
    expect(report.cells[0].outputs).toEqual([
      { 'text/plain': 'rows: 150\n' },
      expect.objectContaining({ 'text/plain': expect.stringContaining('sepal') }),
    ]);
    expect(report.cells[3].outputs).toEqual([{ 'text/plain': '"5.843"' }]);
  });

  test('a failing cell: exit 1, the error names the line in the cell, later cells skipped', async () => {
    const { code, stdout, stderr } = await playgrad(['run', path.join(fixtures, 'fails.md')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ \[2\] boom .*Error: boom on line three \(line 3\)/);
    expect(stdout).toMatch(/- \[3\] after .*skipped/);
    expect(stderr).toBe('');
    const json = await playgrad(['run', path.join(fixtures, 'fails.md'), '--json']);
    const [report] = reports(json.stdout);
    expect(report.ok).toBe(false);
    expect(report.cells[0]).toMatchObject({ status: 'ok', outputs: [{ 'text/plain': '2' }] });
    expect(report.cells[1].error).toEqual({
      ename: 'Error',
      message: 'boom on line three',
      line: 3,
    });
  });

  test('an .ipynb (Deno-style npm: import) runs; --allow-errors runs past a failing cell', async () => {
    const file = path.join(fixtures, 'deno.ipynb');
    const stopped = await playgrad(['run', file, '--json']);
    expect(stopped.code).toBe(1);
    const [first] = reports(stopped.stdout);
    expect(first.cells.map((c) => c.status)).toEqual(['ok', 'error', 'skipped']);
    expect(first.cells[0].outputs).toEqual([{ 'text/plain': '6' }]);

    const onward = await playgrad(['run', file, '--allow-errors', '--json']);
    // Every cell ran, yet the exit status still says one failed (not nbconvert's 0).
    expect(onward.code).toBe(1);
    const [report] = reports(onward.stdout);
    expect(report.ok).toBe(false);
    expect(report.cells.map((c) => c.status)).toEqual(['ok', 'error', 'ok']);
    expect(report.cells[1].error?.message).toBe('boom in the middle');
    expect(report.cells[2].outputs).toEqual([{ 'text/plain': '42' }]);
  });

  test('a live display ends at its last update, with no pause after the run', async () => {
    const { code, stdout } = await playgrad(['run', path.join(fixtures, 'live.md'), '--json']);
    expect(code).toBe(0);
    const [report] = reports(stdout);
    expect(report.cells[0].outputs).toEqual([{ 'text/plain': '1000' }]);
  });

  test('a missing file and a bad command are clear', async () => {
    const missing = await playgrad(['run', 'no/such/notebook.md']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const bad = await playgrad(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown command');
  });
});

describe('playgrad export', () => {
  test('--to ipynb --run writes a Jupyter notebook with outputs', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'playgrad-')), 'outside.ipynb');
    const { code } = await playgrad([
      'export',
      path.join(fixtures, 'outside.md'),
      '--to',
      'ipynb',
      '--run',
      '-o',
      out,
    ]);
    expect(code).toBe(0);
    const nb = JSON.parse(await readFile(out, 'utf8'));
    expect(nb.nbformat).toBe(4);
    expect(nb.metadata.kernelspec.language).toBe('typescript');
    const iris = nb.cells.find((c: { id?: string }) => c.id === 'iris');
    expect(iris.outputs.length).toBeGreaterThan(0);
  });
});
