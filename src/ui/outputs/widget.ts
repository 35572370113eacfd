/** How the page reads a progress widget (`src/protocol/widgets.ts` types it). */
import type { ProgressWidget } from '../../protocol/widgets';

/** 37 of 100 → 37; clamps, and a max of 0 (unknown length) counts as 0 %. */
export function progressPercent(widget: ProgressWidget): number {
  if (!(widget.max > 0)) return 0;
  return Math.round(Math.min(1, Math.max(0, widget.value / widget.max)) * 100);
}
