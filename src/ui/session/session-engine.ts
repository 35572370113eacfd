/**
 * The run logic of a notebook: one queue of executions, one kernel, Stop that always
 * works, staleness. Used by the lesson page and by the headless runner through
 * `NotebookSession` (session.svelte.ts), which only makes the state reactive.
 *
 * The engine mutates a `SessionState` object it is given. In the app that object is a
 * Svelte `$state` proxy, so the page updates as outputs arrive; in unit tests it is a
 * plain object, so the very same logic runs in Node without the Svelte compiler.
 */
import type { Backend, BackendChoice } from '../../protocol/messages';
import { planBackendStart, settleBackendChoice } from './backend-memory';
import { cellsToRerun, emptyCellRun, type CellRun } from './cell-run';
import { KernelClient, type CellMessage, type KernelCrashedError } from './kernel-client';
import { applyCellMessages } from './apply-message';
import { FrameQueue } from './frame-queue';
import { createJob, partition, type Batch, type Job } from './run-job';
import { OUT_OF_MEMORY, TensorLeaks } from './memory-trouble';
import {
  createSessionState,
  type RunAllCell,
  type SessionKernelState,
  type SessionOptions,
  type SessionState,
  type StateLost,
} from './session-state';
import { findStaleCells } from './staleness';

export { createSessionState } from './session-state';
export type {
  ChatSettingsSource,
  RunAllCell,
  SessionKernelState,
  SessionOptions,
  SessionState,
  StateLost,
} from './session-state';

/** How long a cooperative Stop may take before the worker is terminated and replaced. */
export const STOP_GRACE_MS = 1500;
/**
 * A worker that does not answer a ping this quickly is blocked by a cell (a tight loop):
 * no helper can notice the interrupt, so it is replaced without waiting out the grace.
 */
export const STOP_PING_MS = 300;
/**
 * A cell that reported steps of up to this long between reads of Stop (a training batch)
 * gets that much more patience; a longer step counts as this long, so that a stuck kernel
 * is still replaced within 3 × this.
 */
export const MAX_STOP_STEP_MS = 5000;

/** How long Stop waits for a ping and for the cell, given the cell's longest step. */
export function stopPatience(stepMs: number | undefined): { pingMs: number; graceMs: number } {
  const step = Math.min(stepMs ?? 0, MAX_STOP_STEP_MS);
  return { pingMs: Math.max(STOP_PING_MS, 2 * step), graceMs: Math.max(STOP_GRACE_MS, 3 * step) };
}

/** What a cell cut short by Restart says. */
export const RESTARTED_WHILE_RUNNING = 'Stopped — the kernel was restarted while this cell ran.';

export class SessionEngine {
  private client: KernelClient;
  private queue: Job[] = [];
  private current: Job | undefined;
  /** Increases each time the worker is replaced; runs of an older worker are ignored. */
  private generation = 0;
  private executionCount = 0;
  /** Tensors each cell left alive (the leak note). */
  private readonly leaks = new TensorLeaks();
  private awaitingFreshKernel = false;
  private disposed = false;
  /** The URL's or settings' backend, until "Measure again" asks for 'auto'. */
  private requestedBackend: Backend | 'auto';
  /** Kernel messages wait for the next frame, so a flood cannot freeze the page. */
  private readonly frames: FrameQueue;

  /** The page's cell order and cleanup cells; the view that shows the session sets it. */
  private layout: SessionOptions['layout'];
  /** Stops sending chat settings changes to the previous worker. */
  private unsubscribeChatSettings: (() => void) | undefined;

  constructor(
    private readonly options: SessionOptions,
    protected readonly state: SessionState = createSessionState(),
  ) {
    this.requestedBackend = options.backend ?? 'auto';
    this.layout = options.layout;
    this.frames = new FrameQueue(
      (messages) => applyCellMessages(this.state.cells, messages),
      options.frameScheduler,
    );
    this.client = this.startClient();
  }

  /**
   * Tells the session the page's cell order and cleanup cells (for "Re-run cells above").
   * A lesson's session outlives the page that shows it, so each page mount sets it anew.
   */
  useLayout(layout: SessionOptions['layout']): void {
    this.layout = layout;
  }

  get kernelState(): SessionKernelState {
    return this.state.kernelState;
  }

  get backend(): BackendChoice | undefined {
    return this.state.backend;
  }

  /** When the measurement behind a 'cached' backend was taken (ms since the epoch). */
  get backendMeasuredAt(): number | undefined {
    return this.state.backendMeasuredAt;
  }

  get cells(): Record<string, CellRun> {
    return this.state.cells;
  }

  get stateLost(): StateLost | undefined {
    return this.state.stateLost;
  }

  /** True while a cell runs or waits to run (Stop is useful). */
  get busy(): boolean {
    return Object.values(this.state.cells).some(
      (cell) => cell.status === 'running' || cell.status === 'queued',
    );
  }

  /** Stop is useful: a cell runs or waits, or a finished cell's timer keeps sending output. */
  get canStop(): boolean {
    return this.busy || this.state.lateOutput;
  }

  /** The run record of a cell, created on first use. */
  cell(cellId: string): CellRun {
    if (!(cellId in this.state.cells)) this.state.cells[cellId] = emptyCellRun();
    // Read back through the state: in the app this returns the reactive proxy.
    return this.state.cells[cellId];
  }

  /** Queues one cell; resolves with whether it ran without error. */
  run(cellId: string, code: string): Promise<boolean> {
    return this.enqueue(cellId, code, undefined);
  }

  /**
   * Queues the cells in order; stops at the first error (the rest are not run), except
   * after cells marked `continueOnError`.
   */
  async runAll(cells: readonly RunAllCell[]): Promise<boolean> {
    const batch: Batch = { aborted: false };
    const results = await Promise.all(
      cells.map((cell) => this.enqueue(cell.id, cell.code, batch, cell.continueOnError)),
    );
    return results.every(Boolean);
  }

  /** The learner acknowledged the lost state (or re-ran the cells). */
  dismissStateLost(): void {
    this.state.stateLost = undefined;
  }

  /** Widgets (sliders, buttons) send their new values to the kernel. */
  sendInput(name: string, value: unknown): void {
    this.client.sendInput(name, value);
  }

  /**
   * Stops everything: queued cells never run; the running cell is asked to stop and, if it
   * does not within STOP_GRACE_MS (a tight loop cannot notice), the worker is replaced.
   */
  async stop(): Promise<void> {
    this.cancelQueued('interrupted');
    const running = this.current;
    if (!running && this.state.lateOutput) {
      this.forceRestart(undefined, LATE_OUTPUT_STOPPED);
      return;
    }
    if (!running) return;
    running.stopRequested = true;
    this.client.interrupt();
    // A training cell that said its batches take long is given that long to see the Stop.
    const patience = stopPatience(running.stopWithinMs);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const never = new Promise<boolean>(() => undefined);
    const stoppedInTime = await Promise.race([
      running.settled.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), patience.graceMs);
      }),
      this.client.ping(patience.pingMs).then((answered) => (answered ? never : false)),
    ]);
    clearTimeout(timer);
    if (stoppedInTime || this.current !== running) return;
    const seconds = (patience.graceMs / 1000).toFixed(1);
    this.forceRestart(running, {
      ename: 'Interrupted',
      message: `The cell did not stop within ${seconds} s, so the kernel was restarted.`,
      status: 'interrupted',
      lost: 'The kernel was restarted to stop the cell, so its state was lost: every variable the cells above defined is gone.',
    });
  }

  /**
   * A fresh kernel; outputs stay on the page but no cell counts as run any more. The cell
   * that was running is marked stopped (its run was cut short), and so is one a Stop had
   * already interrupted: both say why their outputs end early.
   */
  async restart(): Promise<void> {
    const running = this.current?.cellId;
    this.cancelQueued('idle');
    this.replaceKernel();
    for (const cell of Object.values(this.state.cells)) {
      if (cell.status !== 'interrupted') cell.status = 'idle';
      cell.staleBecause = undefined;
    }
    if (running) {
      const cell = this.cell(running);
      cell.status = 'interrupted';
      cell.outputs = [...cell.outputs, errorOutput('Stopped', RESTARTED_WHILE_RUNNING)];
    }
    this.executionCount = 0;
    this.state.stateLost = undefined;
  }

  /**
   * Empties every cell's outputs, as Jupyter's "Clear all outputs": the kernel, its
   * variables and each cell's status stay; a running cell's later outputs still arrive.
   */
  clearOutputs(): void {
    this.frames.flushAll();
    for (const cell of Object.values(this.state.cells)) {
      cell.outputs = [];
      cell.tensorsLeft = undefined;
    }
  }

  /** Forgets the remembered backend and restarts the kernel measuring every backend. */
  async measureBackendsAgain(): Promise<void> {
    this.options.backendMemory?.forget();
    this.requestedBackend = 'auto';
    this.state.backend = undefined;
    this.state.backendMeasuredAt = undefined;
    await this.restart();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelQueued('idle');
    this.client.terminate('The page was closed');
    this.unsubscribeChatSettings?.();
  }

  private enqueue(
    cellId: string,
    code: string,
    batch: Batch | undefined,
    continueOnError = false,
  ): Promise<boolean> {
    if (this.disposed) return Promise.resolve(false);
    const cell = this.cell(cellId);
    const job = createJob({ cellId, code, batch, continueOnError, statusBefore: cell.status });
    this.queue.push(job);
    cell.status = 'queued';
    void this.pump();
    return job.settled;
  }

  private async pump(): Promise<void> {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    this.current = job;
    const ok = await this.execute(job);
    if (this.current === job) this.current = undefined;
    if (!ok && job.batch && !job.continueOnError) this.abandonBatch(job.batch);
    job.resolve(ok);
    void this.pump();
  }

  private async execute(job: Job): Promise<boolean> {
    const cell = this.cell(job.cellId);
    const generation = this.generation;
    this.executionCount += 1;
    cell.status = 'running';
    this.state.lateOutput = false;
    // Late output of the cell's previous run belongs before this run, not in it.
    this.frames.flushAll();
    cell.outputs = [];
    cell.count = this.executionCount;
    cell.code = job.code;
    cell.staleBecause = undefined;
    try {
      let outOfMemory = false;
      const done = await this.client.execute(job.cellId, job.code, (message) => {
        // The kernel names running out of memory; the page does not guess from the text.
        if (message.type === 'error' && message.outOfMemory) outOfMemory = true;
        if (message.type === 'progress' && message.stopWithinMs) {
          job.stopWithinMs = Math.max(job.stopWithinMs ?? 0, message.stopWithinMs);
        }
        this.apply(message);
      });
      // The cell counts as done once its outputs are on the page.
      await this.frames.drained();
      if (generation !== this.generation) return false;
      cell.ms = done.ms;
      cell.defines = done.defines;
      cell.uses = done.uses;
      cell.tensors = done.tensors;
      for (const [id, count] of this.leaks.record(job.cellId, done.tensorsAtStart, done.tensors)) {
        this.cell(id).tensorsLeft = count;
      }
      if (!done.ok && outOfMemory) {
        this.forceRestart(job, { ...OUT_OF_MEMORY, status: 'error' });
        return false;
      }
      cell.status = done.ok ? 'ok' : job.stopRequested ? 'interrupted' : 'error';
      this.markStale(job.cellId, done.defines);
      return done.ok;
    } catch (error) {
      // A replaced worker: whoever replaced it (stop, restart, crash) set the status.
      if (generation !== this.generation) return false;
      cell.status = 'error';
      this.frames.flushAll();
      const failure = error instanceof Error ? error : new Error(String(error));
      cell.outputs = [...cell.outputs, errorOutput(failure.name, failure.message)];
      return false;
    }
  }

  private markStale(finishedId: string, defines: string[]): void {
    const verdict = findStaleCells(finishedId, defines, this.state.cells);
    for (const [id, names] of Object.entries(verdict)) {
      const cell = this.cell(id);
      cell.status = 'stale';
      cell.staleBecause = names;
    }
  }

  private apply(message: CellMessage): void {
    this.frames.push(message);
  }

  private cancelQueued(status: CellRun['status']): void {
    const jobs = this.queue;
    this.queue = [];
    for (const job of jobs) {
      this.cell(job.cellId).status = status;
      job.resolve(false);
    }
  }

  /** After an error in a Run all, the cells after it go back to how they were. */
  private abandonBatch(batch: Batch): void {
    batch.aborted = true;
    const [abandoned, kept] = partition(this.queue, (job) => job.batch === batch);
    this.queue = kept;
    for (const job of abandoned) {
      this.cell(job.cellId).status = job.statusBefore;
      job.resolve(false);
    }
  }

  private forceRestart(
    running: Job | undefined,
    reason: { ename: string; message: string; status: CellRun['status']; lost: string },
  ): void {
    const rerunIds = cellsToRerun(this.state.cells, running?.cellId, this.layout?.());
    this.cancelQueued('interrupted');
    this.replaceKernel();
    if (running) {
      this.frames.flushAll();
      const cell = this.cell(running.cellId);
      cell.status = reason.status;
      cell.outputs = [...cell.outputs, errorOutput(reason.ename, reason.message)];
    }
    for (const cell of Object.values(this.state.cells)) {
      if (cell.status === 'ok' || cell.status === 'stale') cell.status = 'idle';
    }
    this.executionCount = 0;
    this.state.stateLost = { message: reason.lost, rerunIds };
  }

  private replaceKernel(): void {
    this.generation += 1;
    this.leaks.reset();
    this.state.lateOutput = false;
    const running = this.current;
    this.current = undefined;
    this.client.terminate();
    running?.resolve(false);
    this.state.kernelState = 'restarting';
    this.awaitingFreshKernel = true;
    this.client = this.startClient();
  }

  private startClient(): KernelClient {
    const memory = this.options.backendMemory;
    const start = planBackendStart(this.requestedBackend, memory);
    const client = new KernelClient({ ...this.options, backend: start.request });
    const isCurrent = (): boolean => client === this.client && !this.disposed;
    // Every kernel gets the page's chat endpoint at start and each time it changes.
    const chatSettings = this.options.chatSettings;
    this.unsubscribeChatSettings?.();
    if (chatSettings) {
      client.sendChatSettings(chatSettings.current());
      this.unsubscribeChatSettings = chatSettings.subscribe((endpoint) =>
        client.sendChatSettings(endpoint),
      );
    }
    client.onStatus((kernelState) => {
      if (!isCurrent()) return;
      // Keep showing "restarting" until the fresh worker is actually usable.
      if (this.awaitingFreshKernel && kernelState !== 'idle') return;
      this.awaitingFreshKernel = false;
      this.state.kernelState = kernelState;
    });
    client.onBackend((choice) => {
      if (!isCurrent()) return;
      const shown = settleBackendChoice(choice, start, memory);
      this.state.backend = shown.choice;
      this.state.backendMeasuredAt = shown.measuredAt;
    });
    client.onLateMessage((message) => {
      if (!isCurrent()) return;
      if (!this.current) this.state.lateOutput = true;
      this.apply(message);
    });
    client.onCrash((error: KernelCrashedError) => {
      if (!isCurrent()) return;
      if (!client.isReady) {
        // It never started (a load error): starting another would fail the same way.
        this.awaitingFreshKernel = false;
        this.state.kernelState = 'failed';
        this.state.stateLost = { message: error.message, rerunIds: [] };
        return;
      }
      this.forceRestart(this.current, {
        ename: error.name,
        message: error.message,
        status: 'error',
        lost: `${error.message}. A fresh kernel was started and the state was lost: every variable the cells defined is gone.`,
      });
    });
    return client;
  }
}

const LATE_OUTPUT_STOPPED = {
  ename: 'Interrupted',
  message: '',
  status: 'idle',
  lost: 'A finished cell was still printing (a timer or a promise), so the kernel was restarted to stop it: its state was lost, every variable the cells defined is gone.',
} as const;

function errorOutput(ename: string, message: string): CellRun['outputs'][number] {
  return { type: 'error', ename, message };
}
