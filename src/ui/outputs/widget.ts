/** The widgets an output can carry (`application/vnd.playgrad.widget+json`). */

export interface ProgressWidget {
  kind: 'progress';
  label: string;
  value: number;
  max: number;
}

export function isProgressWidget(data: unknown): data is ProgressWidget {
  if (typeof data !== 'object' || data === null) return false;
  const widget = data as Record<string, unknown>;
  return (
    widget.kind === 'progress' &&
    typeof widget.value === 'number' &&
    typeof widget.max === 'number' &&
    (widget.label === undefined || typeof widget.label === 'string')
  );
}

/** 37 of 100 → 37; clamps, and a max of 0 (unknown length) counts as 0 %. */
export function progressPercent(widget: ProgressWidget): number {
  if (!(widget.max > 0)) return 0;
  return Math.round(Math.min(1, Math.max(0, widget.value / widget.max)) * 100);
}
