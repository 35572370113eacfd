/**
 * Reading `.ipynb` files: which kernels are accepted, the front matter, and the cells of
 * a notebook Playgrad wrote (restored exactly from `metadata.playgrad`).
 */
import { Document } from 'yaml';
import { readFrontMatter, writeFrontMatter } from './front-matter';
import { roleOf } from './info-string';
import { hintFromMarkdown } from './ipynb-hint';
import { solutionFromMeta } from './ipynb-solution';
import { isRecord, joinMultiline } from './ipynb-outputs';
import { NotebookError, type Cell, type CodeCell, type Notebook } from './types';

export class IpynbError extends Error {
  override name = 'IpynbError';
}

export type Front = Pick<Notebook, 'frontMatter' | 'frontMatterSource' | 'warnings'>;

const JS_LANGUAGES = ['javascript', 'typescript', 'js', 'ts'];

/** 'ts' or 'js' for the notebook's kernel; throws for any other language. */
export function checkKernel(metadata: Record<string, unknown>): 'ts' | 'js' {
  const kernelspec = isRecord(metadata.kernelspec) ? metadata.kernelspec : {};
  const languageInfo = isRecord(metadata.language_info) ? metadata.language_info : {};
  if (isRecord(metadata.playgrad) || kernelspec.name === 'playgrad') return 'ts';
  const language = [kernelspec.language, languageInfo.name].find(
    (value): value is string => typeof value === 'string',
  );
  if (language === undefined) {
    throw new IpynbError(
      'this notebook does not say which language its kernel runs; Playgrad imports JavaScript and TypeScript notebooks only',
    );
  }
  const normalised = language.toLowerCase();
  if (!JS_LANGUAGES.includes(normalised)) {
    throw new IpynbError(
      `this is a notebook for ${language}; Playgrad imports JavaScript and TypeScript notebooks only`,
    );
  }
  return normalised.startsWith('t') ? 'ts' : 'js';
}

export function importFrontMatter(
  playgrad: Record<string, unknown> | undefined,
  cells: Record<string, unknown>[],
): Front {
  let source: string;
  if (typeof playgrad?.frontMatterSource === 'string') source = playgrad.frontMatterSource;
  else if (isRecord(playgrad?.frontMatter)) source = new Document(playgrad.frontMatter).toString();
  else source = writeFrontMatter({ title: titleOf(cells), week: 1, order: 0 }, '');
  try {
    const { frontMatter, warnings } = readFrontMatter(source.replace(/\n$/, ''), 2);
    return { frontMatter, frontMatterSource: source.replace(/\n$/, ''), warnings };
  } catch (error) {
    if (error instanceof NotebookError) {
      throw new IpynbError(`invalid notebook metadata: ${error.message}`);
    }
    throw error;
  }
}

/** The first Markdown heading of a notebook from elsewhere, as its title. */
function titleOf(cells: Record<string, unknown>[]): string {
  for (const cell of cells) {
    if (cell.cell_type !== 'markdown') continue;
    const heading = /^#{1,6}\s+(.+)$/m.exec(joinMultiline(cell.source) ?? '');
    if (heading) return heading[1].trim();
  }
  return 'Imported notebook';
}

/** One cell of a notebook Playgrad wrote. */
export function importCell(cell: Record<string, unknown>, index: number): Cell {
  const source = joinMultiline(cell.source) ?? '';
  const meta =
    isRecord(cell.metadata) && isRecord(cell.metadata.playgrad)
      ? cell.metadata.playgrad
      : undefined;
  const written = typeof meta?.id === 'string' ? meta.id : cell.id;
  const id = typeof written === 'string' && written !== '' ? written : `imported-${index + 1}`;
  const hint = meta?.role === 'hint';
  const solution = solutionFromMeta(meta);
  if (cell.cell_type !== 'code' && meta?.static !== true && !hint && solution === undefined) {
    return { kind: 'markdown', id, source };
  }

  const lang = typeof meta?.lang === 'string' ? meta.lang : 'ts';
  const attrs = isRecord(meta?.attrs) ? readAttrs(meta.attrs) : {};
  const code: CodeCell = {
    kind: 'code',
    id,
    lang,
    role: 'code',
    attrs,
    source:
      solution ??
      (meta?.static === true ? unfence(source) : hint ? hintFromMarkdown(source) : source),
    fence: typeof meta?.fence === 'string' ? meta.fence : '```',
  };
  try {
    code.role = roleOf(lang, attrs, 0);
  } catch (error) {
    if (error instanceof NotebookError) throw new IpynbError(`cell ${index + 1}: ${error.message}`);
    throw error;
  }
  const belongs = code.role === 'solution' || code.role === 'check' || code.role === 'hint';
  if (typeof attrs.for === 'string' && belongs) {
    code.for = attrs.for;
  }
  if (typeof meta?.info === 'string') code.info = meta.info;
  if (typeof meta?.closingFence === 'string') code.closingFence = meta.closingFence;
  return code;
}

function readAttrs(value: Record<string, unknown>): Record<string, string | true> {
  const attrs: Record<string, string | true> = {};
  for (const [key, attr] of Object.entries(value)) {
    if (typeof attr === 'string' || attr === true) attrs[key] = attr;
  }
  return attrs;
}

/** The code inside a fenced block (the Markdown form of a shown-never-run cell). */
function unfence(block: string): string {
  const lines = block.replace(/\n$/, '').split('\n');
  if (lines.length >= 2 && /^(`{3,}|~{3,})/.test(lines[0])) return lines.slice(1, -1).join('\n');
  return block;
}
