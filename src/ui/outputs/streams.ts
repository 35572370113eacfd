/**
 * The kernel sends one stream message per `console.log`; shown one block per message,
 * a loop of 100 logs would be 100 boxes. Adjacent chunks of the same stream are joined.
 */
import type { CellOutput } from '../../notebook/outputs';

export function mergeStreams(outputs: readonly CellOutput[]): CellOutput[] {
  const merged: CellOutput[] = [];
  for (const output of outputs) {
    const last = merged.at(-1);
    if (output.type === 'stream' && last?.type === 'stream' && last.name === output.name) {
      merged[merged.length - 1] = { ...last, text: last.text + output.text };
    } else {
      merged.push(output);
    }
  }
  return merged;
}

/** Long text shows its head and a button; the threshold keeps a cell on one screen. */
export const COLLAPSE_LINES = 40;
export const COLLAPSE_CHARS = 8000;

export interface TextPreview {
  /** What to show while collapsed. */
  text: string;
  /** True when `text` is only the head of the output. */
  truncated: boolean;
  totalLines: number;
}

export function previewText(
  text: string,
  maxLines = COLLAPSE_LINES,
  maxChars = COLLAPSE_CHARS,
): TextPreview {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const totalLines = lines.length;
  if (totalLines <= maxLines && text.length <= maxChars) {
    return { text, truncated: false, totalLines };
  }
  let head = lines.slice(0, maxLines).join('\n');
  if (head.length > maxChars) head = head.slice(0, maxChars) + '…';
  return { text: head, truncated: true, totalLines };
}
