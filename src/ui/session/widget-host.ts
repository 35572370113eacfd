/**
 * What a widget in the page talks to: it sends the new value to the kernel at once and
 * re-runs the cells that depend on the widget. Slider drags are debounced (one re-run
 * when the hand pauses, not one per pixel) and re-runs never overlap: a change during a
 * re-run waits, and several such changes make one more re-run.
 */
import { dependentCells, type DependentInput } from './widget-dependents';

/** A slider re-runs its dependents once the drag pauses this long. */
export const WIDGET_DEBOUNCE_MS = 100;

export interface WidgetChange {
  /** The widget's id: the name its value is sent under. */
  id: string;
  /** The cell that made the widget. */
  cellId: string;
  value: unknown;
}

export interface WidgetHostOptions {
  sendInput(name: string, value: unknown): void;
  /** The session's cells (their last run's defines/uses and status). */
  cells(): Readonly<Record<string, DependentInput>>;
  /** Runnable cell ids in notebook order. */
  order(): readonly string[];
  /** Runs these cells, in this order; resolves when they are done. */
  rerun(cellIds: string[]): Promise<unknown>;
  debounceMs?: number;
}

export class WidgetHost {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Cells whose widgets changed since the last re-run started. */
  private readonly pending = new Set<string>();
  private running: Promise<void> | undefined;
  private disposed = false;

  constructor(private readonly options: WidgetHostOptions) {}

  /**
   * A widget changed. `debounce`: wait for a pause first (slider drags); otherwise
   * (buttons, selects, files, strokes) re-run as soon as no other re-run is going on.
   */
  change(change: WidgetChange, { debounce = false } = {}): void {
    if (this.disposed) return;
    this.options.sendInput(change.id, change.value);
    clearTimeout(this.timers.get(change.id));
    this.timers.delete(change.id);
    if (!debounce) {
      this.request(change.cellId);
      return;
    }
    const delay = this.options.debounceMs ?? WIDGET_DEBOUNCE_MS;
    const timer = setTimeout(() => {
      this.timers.delete(change.id);
      this.request(change.cellId);
    }, delay);
    this.timers.set(change.id, timer);
  }

  /** Resolves once no re-run is going on or waiting (for tests and the headless runner). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
  }

  private request(cellId: string): void {
    if (this.disposed) return;
    this.pending.add(cellId);
    this.running ??= this.drain();
  }

  private async drain(): Promise<void> {
    // Start on the next microtask: `running` is assigned before the loop can end, and
    // changes made in the same tick (a select and a slider) share one re-run.
    await Promise.resolve();
    try {
      while (this.pending.size > 0 && !this.disposed) {
        const sources = [...this.pending];
        this.pending.clear();
        const ids = dependentCells(sources, this.options.cells(), this.options.order());
        // A failing cell shows its error in the page; the next change may fix it.
        if (ids.length > 0) await this.options.rerun(ids).catch(() => undefined);
      }
    } finally {
      this.running = undefined;
    }
  }
}
