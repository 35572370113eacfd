/**
 * Long text shows its head and a button; the threshold keeps a cell on one screen.
 * (Stream chunks are merged once, in session/outputs-reducer.ts.)
 */
import { countNewlines } from '../../protocol/stream-tail';

export const COLLAPSE_LINES = 40;
export const COLLAPSE_CHARS = 8000;

export interface TextPreview {
  /** What to show while collapsed. */
  text: string;
  /** True when `text` is only the head of the output. */
  truncated: boolean;
  totalLines: number;
}

/**
 * The head of `text`. Only the head is scanned; `newlines` (counted as the text grew)
 * spares counting a long text again on every update.
 */
export function previewText(
  text: string,
  maxLines = COLLAPSE_LINES,
  maxChars = COLLAPSE_CHARS,
  newlines = countNewlines(text),
): TextPreview {
  const totalLines = text.endsWith('\n') ? newlines : newlines + 1;
  if (totalLines <= maxLines && text.length <= maxChars) {
    return { text, truncated: false, totalLines };
  }
  let end = -1;
  for (let line = 0; line < maxLines; line++) {
    const next = text.indexOf('\n', end + 1);
    if (next < 0) {
      end = text.length;
      break;
    }
    end = next;
  }
  let head = text.slice(0, end);
  if (head.length > maxChars) head = head.slice(0, maxChars) + '…';
  return { text: head, truncated: true, totalLines };
}
