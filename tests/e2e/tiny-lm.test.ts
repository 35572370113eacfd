/**
 * The tiny LM in the browser kernel: the Sampling lesson runs green in headless Chromium
 * (loading the shipped weights from the built site), its greedy text matches the trainer's,
 * its seeded generation repeats, the exercise's solution passes its check, and it ends
 * with no tensors.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { NotebookReport } from '../../src/ui/headless/report';

const root = path.resolve(import.meta.dirname, '../..');
const LESSON = 'notebooks/week6/sampling.md';
const LESSON_TIMEOUT_MS = 180_000;

function runLesson(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin/playgrad.mjs'), 'run', LESSON, '--json'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const plain = (cell: NotebookReport['cells'][number]) =>
  cell.outputs.map((o) => String(o['text/plain'] ?? o['text/markdown'] ?? '')).join('\n');

describe('the Sampling lesson in the browser kernel', () => {
  test(
    'loads the tiny LM, generates like the trainer, repeats with a seed, frees its tensors',
    async () => {
      const { code, stdout, stderr } = await runLesson();
      expect(code, stderr).toBe(0);
      const report = JSON.parse(stdout.trim()) as NotebookReport;
      expect(report.ok).toBe(true);
      expect(report.tensors).toBe(0);
      const byId = Object.fromEntries(report.cells.map((c) => [c.id, c]));

      expect(plain(byId['load'])).toMatch(/parameters, 3 layers, 4 heads, 80 tokens/);
      expect(byId['dist'].outputs.some((o) => 'application/vnd.plotly.v1+json' in o)).toBe(true);
      expect(plain(byId['check'])).toContain('Correct');
      expect(plain(byId['same'])).toBe('true');

      // Greedy decoding (temperature 0) in the browser = the trainer's greedy text.
      const fixture = JSON.parse(
        readFileSync(path.join(root, 'tests/fixtures/tiny-lm-logits.json'), 'utf8'),
      ) as { greedy: { prefix: string; text: string } };
      expect(fixture.greedy.prefix).toBe('Call me Ishmael. ');
      expect(plain(byId['generate'])).toContain(JSON.stringify(fixture.greedy.text).slice(1, -1));
    },
    LESSON_TIMEOUT_MS,
  );
});
