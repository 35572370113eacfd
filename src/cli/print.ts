/** One line per cell, then one per notebook: what an instructor reads in a CI log. */
import type { CellReport, NotebookReport } from '../ui/headless/report';

const MARK = { ok: '✓', error: '✗', skipped: '-' } as const;

export function cellLine(cell: CellReport): string {
  const head = `  ${MARK[cell.status]} [${cell.index}] ${cell.id.padEnd(16)}`;
  if (cell.status === 'skipped') return `${head} skipped`;
  const time = `${cell.ms} ms`.padStart(9);
  if (!cell.error) return `${head}${time}`;
  const where = cell.error.line === undefined ? '' : ` (line ${cell.error.line})`;
  return `${head}${time}  ${cell.error.ename}: ${firstLine(cell.error.message)}${where}`;
}

export function notebookLine(report: NotebookReport): string {
  if (report.error) return `✗ ${report.notebook}: ${report.error}`;
  const ran = report.cells.filter((c) => c.status !== 'skipped').length;
  const failed = report.cells.filter((c) => c.status === 'error').length;
  const seconds = (report.ms / 1000).toFixed(1);
  const threads = report.threads ? ` (${report.threads} threads)` : '';
  const backend = report.backend ? `, ${report.backend}${threads}` : '';
  const leaked = report.tensors ? `; ${report.tensors} tensors left undisposed` : '';
  return failed === 0
    ? `✓ ${report.notebook}: ${ran} cells ok in ${seconds} s${backend}${leaked}`
    : `✗ ${report.notebook}: ${failed} of ${ran} cells failed (${seconds} s${backend})${leaked}`;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
