/**
 * A lesson (or an imported notebook) as a file to download: `.md` in the lesson format
 * or `.ipynb` for Jupyter, with the learner's current code in the cells. Only the
 * notebook goes in: no storage keys, no settings, nothing about the browser.
 */
import { toIpynb, type Ipynb } from './ipynb';
import { withCode } from './lesson-changes';
import type { CellOutput } from './outputs';
import { serialize } from './serialize';
import type { Notebook } from './types';

export function exportMarkdown(nb: Notebook, code: Readonly<Record<string, string>>): string {
  return serialize(withCode(nb, code));
}

/** The `.ipynb` of a Playgrad lesson names it, so importing it finds the lesson again. */
export type LessonIpynb = Ipynb & {
  metadata: Ipynb['metadata'] & { playgrad: Ipynb['metadata']['playgrad'] & { slug?: string } };
};

/**
 * `outputs`: what the cells that ran showed (a cell that never ran exports without
 * outputs). An output belongs to the code that ran, which may be older than the code.
 */
export function exportIpynb(
  nb: Notebook,
  code: Readonly<Record<string, string>>,
  outputs: Record<string, CellOutput[]>,
  slug?: string,
): string {
  const ipynb: LessonIpynb = toIpynb(withCode(nb, code), outputs);
  if (slug !== undefined) ipynb.metadata.playgrad.slug = slug;
  return `${JSON.stringify(ipynb, null, 1)}\n`;
}

/** 'week1/gradient-descent' → 'week1-gradient-descent.md': one safe file name. */
export function exportFileName(name: string, extension: 'md' | 'ipynb'): string {
  const base =
    name
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'notebook';
  return `${base}.${extension}`;
}
