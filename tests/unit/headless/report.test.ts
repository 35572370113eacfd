import { describe, expect, test } from 'vitest';
import { cellLine, notebookLine } from '../../../src/cli/print';
import { firstError, outputsAsBundles } from '../../../src/ui/headless/report';

describe('outputsAsBundles', () => {
  test('streams become plain text, displays and results keep their bundles, errors drop', () => {
    const bundles = outputsAsBundles([
      { type: 'stream', name: 'stdout', text: 'hi\n' },
      { type: 'display', displayId: 'd1', data: { 'text/html': '<b>x</b>' } },
      { type: 'result', data: { 'text/plain': '3' } },
      { type: 'error', ename: 'TypeError', message: 'bad', line: 2 },
    ]);
    expect(bundles).toEqual([
      { 'text/plain': 'hi\n' },
      { 'text/html': '<b>x</b>' },
      { 'text/plain': '3' },
    ]);
  });

  test('firstError keeps the line in the cell', () => {
    expect(
      firstError([
        { type: 'stream', name: 'stderr', text: 'warn' },
        { type: 'error', ename: 'Error', message: 'boom', line: 3 },
      ]),
    ).toEqual({ ename: 'Error', message: 'boom', line: 3 });
    expect(firstError([])).toBeUndefined();
  });
});

describe('cellLine and notebookLine', () => {
  test('one line per cell with status, id, time and the error with its line', () => {
    const base = { index: 2, role: 'code', outputs: [] };
    expect(cellLine({ ...base, id: 'fit', status: 'ok', ms: 12 })).toBe(
      '  ✓ [2] fit                 12 ms',
    );
    expect(
      cellLine({
        ...base,
        id: 'boom',
        status: 'error',
        ms: 3,
        error: { ename: 'Error', message: 'bad\nmore', line: 3 },
      }),
    ).toMatch(/^ {2}✗ \[2\] boom .* Error: bad \(line 3\)$/);
    expect(cellLine({ ...base, id: 'sol', status: 'skipped', ms: 0 })).toMatch(
      /- \[2\] sol +skipped/,
    );
  });

  test('a notebook line counts failures and undisposed tensors', () => {
    const cell = { id: 'a', index: 1, role: 'code', ms: 1, outputs: [] };
    const report = { notebook: 'x.md', ms: 1500, backend: 'wasm' };
    expect(notebookLine({ ...report, ok: true, cells: [{ ...cell, status: 'ok' }] })).toBe(
      '✓ x.md: 1 cells ok in 1.5 s, wasm',
    );
    expect(notebookLine({ ...report, ok: false, cells: [{ ...cell, status: 'error' }] })).toContain(
      '1 of 1 cells failed',
    );
    expect(
      notebookLine({ ...report, ok: true, tensors: 3, cells: [{ ...cell, status: 'ok' }] }),
    ).toBe('✓ x.md: 1 cells ok in 1.5 s, wasm; 3 tensors left undisposed');
    expect(
      notebookLine({ ...report, ok: true, threads: 2, cells: [{ ...cell, status: 'ok' }] }),
    ).toBe('✓ x.md: 1 cells ok in 1.5 s, wasm (2 threads)');
    expect(notebookLine({ ...report, ok: false, cells: [], error: 'bad (line 2)' })).toBe(
      '✗ x.md: bad (line 2)',
    );
  });
});
