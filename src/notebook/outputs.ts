/**
 * What a code cell produced, in the order it produced it. The same shape is kept in the
 * UI, returned by `playgrad run --json` (as MIME bundles) and exported to `.ipynb`.
 */
import type { MimeBundle } from '../protocol/messages';

export type CellOutput =
  | { type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { type: 'display'; displayId?: string; data: MimeBundle }
  | { type: 'result'; data: MimeBundle }
  | { type: 'error'; ename: string; message: string; line?: number };
