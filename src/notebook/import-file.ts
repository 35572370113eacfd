/**
 * Reading a notebook file the learner dropped or picked: `.md` (the lesson format) or
 * `.ipynb`. The size is checked before a byte is read, and every failure is an
 * `ImportError` whose message names the line or field where the parser does. Nothing
 * is stored here: the caller decides what to do with a notebook that read cleanly.
 */
import { fromIpynb, IpynbError } from './ipynb';
import { findJsonProblem } from './json-location';
import type { CellOutput } from './outputs';
import { parse } from './parse';
import { NotebookError, type Notebook } from './types';

/** Lessons are a few dozen KB; 5 MB leaves room for outputs and refuses the absurd. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * Lessons have a few dozen code cells. Past this a notebook is not one to study (2,000
 * cells froze the tab for 86 s before editors were built lazily), so it is refused. Code
 * cells are counted (each has an editor); prose costs little.
 */
export const MAX_IMPORT_CELLS = 1000;

export type ImportFormat = 'md' | 'ipynb';

export interface ImportedNotebook {
  notebook: Notebook;
  format: ImportFormat;
  /** The file's name as the learner knows it. */
  fileName: string;
  /** The lesson a Playgrad `.ipynb` export names in `metadata.playgrad.slug`. */
  slug?: string;
  outputs: Record<string, CellOutput[]>;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/** What readImportFile needs of a File (a Blob with a name). */
export interface NamedBlob {
  name: string;
  size: number;
  text(): Promise<string>;
}

export function importFormat(fileName: string): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.ipynb')) return 'ipynb';
  throw new ImportError(
    `"${fileName}" is not a notebook: Playgrad imports .md lesson files and .ipynb Jupyter notebooks.`,
  );
}

export async function readImportFile(file: NamedBlob): Promise<ImportedNotebook> {
  const format = importFormat(file.name);
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportError(
      `"${file.name}" is ${formatMegabytes(file.size)}; notebooks up to ${formatMegabytes(MAX_IMPORT_BYTES)} can be imported.`,
    );
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(`"${file.name}" could not be read: ${reason}`);
  }
  return parseImportText(file.name, format, text);
}

export function parseImportText(
  fileName: string,
  format: ImportFormat,
  text: string,
): ImportedNotebook {
  const fail = (reason: string): never => {
    throw new ImportError(`"${fileName}" could not be imported: ${reason}`);
  };
  if (format === 'md') {
    try {
      return withinCellLimit({ notebook: parse(text), format, fileName, outputs: {} }, fail);
    } catch (error) {
      if (error instanceof NotebookError) fail(error.message);
      throw error;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail(`it is not valid JSON${jsonLocation(text)}`);
  }
  try {
    const { notebook, outputs } = fromIpynb(json);
    return withinCellLimit({ notebook, format, fileName, outputs, slug: slugOf(json) }, fail);
  } catch (error) {
    if (error instanceof IpynbError || error instanceof NotebookError) fail(error.message);
    throw error;
  }
  return fail('unreachable');
}

function withinCellLimit(
  imported: ImportedNotebook,
  fail: (reason: string) => never,
): ImportedNotebook {
  const count = imported.notebook.cells.filter((cell) => cell.kind === 'code').length;
  if (count <= MAX_IMPORT_CELLS) return imported;
  const number = (n: number): string => n.toLocaleString('en');
  return fail(
    `it has ${number(count)} code cells; notebooks of up to ${number(MAX_IMPORT_CELLS)} code cells can be imported.`,
  );
}

function slugOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('metadata' in json)) return undefined;
  const metadata = json.metadata;
  if (typeof metadata !== 'object' || metadata === null || !('playgrad' in metadata)) return;
  const playgrad = metadata.playgrad;
  if (typeof playgrad !== 'object' || playgrad === null || !('slug' in playgrad)) return;
  return typeof playgrad.slug === 'string' ? playgrad.slug : undefined;
}

/** " (line L, column C: expected …)" where the text stops being JSON. */
function jsonLocation(text: string): string {
  if (text.trim() === '') return ' (the file is empty)';
  const problem = findJsonProblem(text);
  return problem
    ? ` (line ${problem.line}, column ${problem.column}: expected ${problem.expected})`
    : '';
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
