/**
 * How the page handles an input widget's values (slider steps, file sizes). The payload
 * types and their guard live in src/protocol/widgets.ts.
 */
import type { SliderWidget } from '../../protocol/widgets';

/** The number of decimals a slider's step shows (0.05 → 2), so 0.30000000000000004 reads 0.3. */
export function stepDecimals(step: number): number {
  if (Number.isInteger(step)) return 0;
  const text = String(step);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]);
  return Math.min(10, text.split('.')[1]?.length ?? 0);
}

/** Rounds a slider value to its step's decimals (a drag gives 0.30000000000000004). */
export function sliderValue(raw: number, widget: SliderWidget): number {
  const clamped = Math.min(widget.max, Math.max(widget.min, raw));
  return Number(clamped.toFixed(stepDecimals(widget.step)));
}

/** "3.2 MB": a file size for a message. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a file is refused, or undefined when it may be read. */
export function fileTooLarge(name: string, bytes: number, maxBytes: number): string | undefined {
  if (bytes <= maxBytes) return undefined;
  return `${name} is ${formatBytes(bytes)}; files up to ${formatBytes(maxBytes)} can be loaded here.`;
}
