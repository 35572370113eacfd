/**
 * The lesson-format text `playgrad run` hands to the runner page. A `.ipynb` goes through
 * the same reader as an import on the site (kernel check, Playgrad metadata, cell limit)
 * and is written back as Markdown, so the page runs one format only.
 */
import { ImportError, parseImportText } from '../notebook/import-file';
import { serialize } from '../notebook/serialize';

export function notebookText(fileName: string, text: string): { text: string } | { error: string } {
  // Anything else is read as a lesson, as `run` always did (.md, .markdown, .txt …).
  if (!fileName.toLowerCase().endsWith('.ipynb')) return { text };
  try {
    return { text: serialize(parseImportText(fileName, 'ipynb', text).notebook) };
  } catch (error) {
    if (error instanceof ImportError) return { error: error.message };
    throw error;
  }
}
