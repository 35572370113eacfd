/**
 * A progress bar's times in tqdm's look: "[00:12<00:20, 3.05it/s, loss=0.231]" —
 * elapsed < time left, the rate, then the cell's own postfix. The kernel measures the
 * elapsed time; rate and time left are derived here, from the steps done so far.
 */
import type { ProgressWidget } from '../../protocol/widgets';

/** 75 s → "01:15"; an hour or more → "1:02:03", as tqdm writes them. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

/** Steps per second as tqdm shows it: "3.05it/s", or "2.50s/it" when slower than one a second. */
export function formatRate(stepsPerSecond: number): string {
  if (!(stepsPerSecond > 0) || !Number.isFinite(stepsPerSecond)) return '?it/s';
  return stepsPerSecond >= 1
    ? `${stepsPerSecond.toFixed(2)}it/s`
    : `${(1 / stepsPerSecond).toFixed(2)}s/it`;
}

/** The bracketed part after the count; empty when the kernel sent no times (an old output). */
export function progressTimes(widget: ProgressWidget): string {
  if (widget.elapsedMs === undefined) return widget.postfix ? `[${widget.postfix}]` : '';
  const elapsed = widget.elapsedMs;
  const rate = elapsed > 0 ? widget.value / (elapsed / 1000) : 0;
  const left =
    widget.max > 0
      ? widget.value >= widget.max
        ? '<00:00'
        : rate > 0
          ? `<${formatDuration(((widget.max - widget.value) / rate) * 1000)}`
          : '<?'
      : '';
  const parts = [`${formatDuration(elapsed)}${left}`, formatRate(rate)];
  if (widget.postfix) parts.push(widget.postfix);
  return `[${parts.join(', ')}]`;
}
