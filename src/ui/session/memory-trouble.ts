/**
 * Memory trouble in the kernel: what the page says when the kernel names running out of
 * memory (the kernel recognises it: src/kernel/out-of-memory.ts), and tensors cells leave
 * behind.
 *
 * After running out of memory the WASM heap may be inconsistent, so the session starts a
 * fresh kernel rather than let later cells fail in stranger ways. Exhausting the JS heap
 * itself ends the whole renderer (the tab shows the browser's own "out of memory" page),
 * so nothing in the page can report it.
 */
export const OUT_OF_MEMORY = {
  ename: 'OutOfMemory',
  message:
    'The kernel ran out of memory. Use smaller tensors (fewer rows, a smaller batch) or ' +
    'dispose the ones you no longer need; a fresh kernel was started.',
  lost: 'The kernel ran out of memory and was restarted, so its state was lost: every variable the cells above defined is gone.',
} as const;

/**
 * A cell that leaves this many more live tensors than there were before it gets a gentle
 * warning. The shipped lessons stay well under it: in `playgrad run --all --json` (each
 * cell reports its live tensors) no cell adds more than 14 — a model's weights, a
 * dataset kept as tensors on purpose. A loop that forgets to dispose adds hundreds.
 */
export const LEAK_WARNING_TENSORS = 100;

/** How many more tensors are alive after than before (never negative). */
export function tensorsLeft(before: number | undefined, after: number | undefined): number {
  if (after === undefined) return 0;
  return Math.max(0, after - (before ?? 0));
}

/**
 * Tensors each cell has left alive, counted per run of the cell *including what it leaves
 * after it ended* (its timers and unawaited promises, until the next cell starts), and
 * added up over consecutive runs that each left some: a cell leaving 99 per run reaches
 * the warning on its second run. A run that leaves none starts its cell's count afresh.
 */
export class TensorLeaks {
  /** Live tensors when the last cell ended (a fresh kernel has none). */
  private live = 0;
  private lastCell: string | undefined;
  private readonly counts = new Map<string, number>();

  /** Records a finished run; returns each cell whose count changed, with its new count. */
  record(
    cellId: string,
    atStart: number | undefined,
    atEnd: number | undefined,
  ): Array<[string, number]> {
    const changed: Array<[string, number]> = [];
    // What appeared between the last cell's end and this start was made by its timers.
    const between = tensorsLeft(this.live, atStart);
    if (between > 0 && this.lastCell !== undefined) {
      const count = (this.counts.get(this.lastCell) ?? 0) + between;
      this.counts.set(this.lastCell, count);
      changed.push([this.lastCell, count]);
    }
    const during = tensorsLeft(atStart ?? this.live, atEnd);
    const count = during > 0 ? (this.counts.get(cellId) ?? 0) + during : 0;
    if (count > 0) this.counts.set(cellId, count);
    else this.counts.delete(cellId);
    changed.push([cellId, count]);
    this.live = atEnd ?? this.live;
    this.lastCell = cellId;
    return changed;
  }

  /** A fresh kernel: nothing is alive. */
  reset(): void {
    this.live = 0;
    this.lastCell = undefined;
    this.counts.clear();
  }
}
