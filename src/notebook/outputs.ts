/**
 * What a code cell produced, in the order it produced it. The same shape is kept in the
 * UI, returned by `playgrad run --json` (as MIME bundles) and exported to `.ipynb`.
 */
import type { MimeBundle } from '../protocol/messages';

export type CellOutput =
  | {
      type: 'stream';
      name: 'stdout' | 'stderr';
      text: string;
      /** Newlines in `text`, counted as it grew (the page never re-splits a flood). */
      newlines?: number;
      /** Earlier lines not kept: a cell keeps its last lines (protocol/stream-tail.ts). */
      dropped?: number;
    }
  | { type: 'display'; displayId?: string; data: MimeBundle }
  | { type: 'result'; data: MimeBundle }
  | { type: 'error'; ename: string; message: string; line?: number; column?: number };
