/**
 * Runs a notebook in the real kernel without the lesson page: what `playgrad run` drives
 * in headless Chromium. It uses the same NotebookSession as the lesson page, so a
 * notebook that passes here passes for a learner who clicks "Run all".
 */
import type { Backend, ChatEndpointSettings } from '../../protocol/messages';
import { parse } from '../../notebook/parse';
import { NotebookSession } from '../session/session.svelte';
import { planRun } from './plan';
import { firstError, outputsAsBundles, type CellReport, type NotebookReport } from './report';

/**
 * A cell that runs longer than this is stopped and counted as failed.
 *
 * No pause follows the last cell: the kernel sends a cell's throttled display updates
 * before its `done` (flushPendingOutputs), and the session applies messages in order, so
 * a finished cell's outputs are complete when `run` resolves.
 */
export const CELL_TIMEOUT_MS = 180_000;

export interface RunOptions {
  /** Shown in the report, e.g. the file path. */
  name: string;
  baseUrl: string;
  backend?: Backend | 'auto';
  /** The chat endpoint for `llm.chat`; none: the offline model. Not this browser's settings. */
  chat?: ChatEndpointSettings;
  cellTimeoutMs?: number;
  /**
   * Run every cell even after one fails (nbconvert's --allow-errors). The report still
   * has ok: false, so `playgrad run` still exits 1: the errors are shown, not hidden.
   */
  allowErrors?: boolean;
  /** Called as each cell finishes, so the command can print progress. */
  onCell?: (report: CellReport) => void;
}

export async function runNotebook(text: string, options: RunOptions): Promise<NotebookReport> {
  const started = performance.now();
  let notebook;
  try {
    notebook = parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { notebook: options.name, ok: false, ms: 0, cells: [], error: message };
  }

  const chat = options.chat ?? null;
  const session = new NotebookSession({
    baseUrl: options.baseUrl,
    backend: options.backend,
    chatSettings: { current: () => chat, subscribe: () => () => undefined },
  });
  const timings = new Map<string, number>();
  let failed = false;
  try {
    for (const planned of planRun(notebook)) {
      const { cell, code } = planned;
      if (code === undefined || failed) {
        timings.set(cell.id, -1);
        options.onCell?.(cellReport(session, cell.id, planned.index, cell.role, timings));
        continue;
      }
      const t0 = performance.now();
      const ok = await runWithTimeout(session, cell.id, code, options.cellTimeoutMs);
      timings.set(cell.id, performance.now() - t0);
      if (!ok && !options.allowErrors) failed = true;
      options.onCell?.(cellReport(session, planned.cell.id, planned.index, cell.role, timings));
    }
    const cells = planRun(notebook).map((p) =>
      cellReport(session, p.cell.id, p.index, p.cell.role, timings),
    );
    const ran = cells.filter((c) => c.status !== 'skipped');
    return {
      notebook: options.name,
      ok: cells.every((c) => c.status !== 'error'),
      backend: session.backend?.backend,
      threads: session.backend?.threadCount,
      tensors: ran[ran.length - 1]?.tensors,
      ms: Math.round(performance.now() - started),
      cells,
    };
  } finally {
    session.dispose();
  }
}

async function runWithTimeout(
  session: NotebookSession,
  cellId: string,
  code: string,
  timeoutMs = CELL_TIMEOUT_MS,
): Promise<boolean | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const result = await Promise.race([session.run(cellId, code), timeout]);
  clearTimeout(timer);
  if (result === 'timeout') {
    await session.stop();
    session.cells[cellId]?.outputs.push({
      type: 'error',
      ename: 'Timeout',
      message: `The cell ran longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`,
    });
    return false;
  }
  return result;
}

function cellReport(
  session: NotebookSession,
  id: string,
  index: number,
  role: string,
  timings: Map<string, number>,
): CellReport {
  const ms = timings.get(id) ?? -1;
  const run = session.cells[id];
  if (ms < 0 || !run) return { id, index, role, status: 'skipped', ms: 0, outputs: [] };
  const error = firstError(run.outputs);
  const status = run.status === 'ok' && !error ? 'ok' : 'error';
  const report: CellReport = {
    id,
    index,
    role,
    status,
    ms: Math.round(run.ms ?? ms),
    outputs: outputsAsBundles(run.outputs),
  };
  if (run.tensors !== undefined) report.tensors = run.tensors;
  if (error) report.error = error;
  else if (status === 'error') report.error = { ename: 'Error', message: `cell ${run.status}` };
  return report;
}
