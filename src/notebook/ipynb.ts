/**
 * Jupyter notebooks (nbformat 4.5) ↔ Notebook.
 *
 * Export keeps everything Playgrad needs in metadata (`metadata.playgrad` on the notebook
 * and on each cell), so `fromIpynb(toIpynb(nb))` gives `nb` back. Fences that are shown,
 * never run (```python), become Markdown cells holding the fenced block, so Jupyter shows
 * them and never runs them; hints become Markdown cells folded in `<details>`; a solution
 * becomes a Markdown note with its code in metadata only (ipynb-solution.ts); a check cell
 * is tagged `check` and not editable in Jupyter. Import also accepts notebooks from other
 * JavaScript or TypeScript kernels: those are rebuilt as Markdown text and parsed like a
 * lesson file.
 */
import { writeFrontMatter } from './front-matter';
import { hintToMarkdown } from './ipynb-hint';
import { solutionPlaceholder } from './ipynb-solution';
import { checkKernel, importCell, importFrontMatter, IpynbError, type Front } from './ipynb-import';
import {
  isRecord,
  joinMultiline,
  outputFromJupyter,
  outputToJupyter,
  splitLines,
  type JupyterOutput,
} from './ipynb-outputs';
import type { CellOutput } from './outputs';
import { parse } from './parse';
import { positionalId, positionCounter } from './positions';
import { serialize, writeCodeCell } from './serialize';
import { NotebookError, type CodeCell, type FrontMatter, type Notebook } from './types';

export { IpynbError };

/** What a code cell keeps in `metadata.playgrad` (fence details only when not the default). */
interface CellMeta {
  lang: string;
  role: string;
  for?: string;
  attrs: Record<string, string | true>;
  fence?: string;
  info?: string;
  closingFence?: string;
  /** Set on the Markdown cells that hold a shown-never-run fence. */
  static?: true;
  /** The cell's id when it is not a valid Jupyter id (letters, digits, '-', '_'). */
  id?: string;
  /** A solution's code: its Markdown cell shows only a note (ipynb-solution.ts). */
  solution?: string;
}

export interface IpynbCell {
  cell_type: 'markdown' | 'code';
  id: string;
  /** `tags` and `editable` are Jupyter's own: a check cell is tagged and locked. */
  metadata: { playgrad?: CellMeta; tags?: string[]; editable?: boolean };
  source: string[];
  execution_count?: number | null;
  outputs?: JupyterOutput[];
}

export interface Ipynb {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: {
    kernelspec: { name: string; display_name: string; language: string };
    language_info: typeof LANGUAGE_INFO;
    playgrad: { frontMatter: FrontMatter; frontMatterSource: string };
  };
  cells: IpynbCell[];
}

/**
 * The kernel Jupyter opens the notebook with: Deno's TypeScript kernel, as `deno jupyter
 * --install` registers it, because it exists (a "playgrad" kernel exists nowhere) and runs
 * TypeScript cells. Cells that use Playgrad's own modules still need Playgrad to run.
 */
const KERNELSPEC = { name: 'deno', display_name: 'Deno', language: 'typescript' };

/** What Deno's kernel reports, less its version: GitHub and Jupyter highlight by this. */
const LANGUAGE_INFO = {
  name: 'typescript',
  file_extension: '.ts',
  mimetype: 'text/x.typescript',
  codemirror_mode: 'typescript',
  pygments_lexer: 'typescript',
  nbconvert_exporter: 'script',
};

export function toIpynb(nb: Notebook, outputs: Record<string, CellOutput[]> = {}): Ipynb {
  let executionCount = 0;
  const position = positionCounter();
  const cells = nb.cells.map((cell): IpynbCell => {
    if (cell.kind === 'markdown') {
      return { cell_type: 'markdown', id: cell.id, metadata: {}, source: splitLines(cell.source) };
    }
    const codeIndex = position(cell);
    const meta = cellMeta(cell);
    const id = jupyterId(cell.id, positionalId(cell, codeIndex));
    if (id !== cell.id) meta.id = cell.id;
    if (cell.role === 'static') {
      const block = writeCodeCell(cell, codeIndex).replace(/\n$/, '');
      return {
        cell_type: 'markdown',
        id,
        metadata: { playgrad: { ...meta, static: true } },
        source: splitLines(block),
      };
    }
    if (cell.role === 'hint') {
      return {
        cell_type: 'markdown',
        id,
        metadata: { playgrad: meta },
        source: splitLines(hintToMarkdown(cell.source)),
      };
    }
    if (cell.role === 'solution') {
      return {
        cell_type: 'markdown',
        id,
        metadata: { playgrad: { ...meta, solution: cell.source } },
        source: splitLines(solutionPlaceholder(cell.for)),
      };
    }
    const cellOutputs = outputs[cell.id];
    const count = cellOutputs ? ++executionCount : null;
    return {
      cell_type: 'code',
      id,
      metadata:
        cell.role === 'check'
          ? { playgrad: meta, tags: ['check'], editable: false }
          : { playgrad: meta },
      source: splitLines(cell.source),
      execution_count: count,
      outputs: (cellOutputs ?? []).map((output) => outputToJupyter(output, count)),
    };
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: KERNELSPEC,
      language_info: LANGUAGE_INFO,
      playgrad: {
        frontMatter: nb.frontMatter,
        frontMatterSource: writeFrontMatter(nb.frontMatter, nb.frontMatterSource),
      },
    },
    cells,
  };
}

/** nbformat 4.5 requires ids of 1–64 letters, digits, '-' or '_'. */
function jupyterId(id: string, positional: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : `playgrad-${positional}`;
}

function cellMeta(cell: CodeCell): CellMeta {
  const meta: CellMeta = { lang: cell.lang, role: cell.role, attrs: { ...cell.attrs } };
  if (cell.for !== undefined) meta.for = cell.for;
  if (cell.fence !== '```') meta.fence = cell.fence;
  if (cell.info !== undefined) meta.info = cell.info;
  if (cell.closingFence !== undefined) meta.closingFence = cell.closingFence;
  return meta;
}

export function fromIpynb(json: unknown): {
  notebook: Notebook;
  outputs: Record<string, CellOutput[]>;
} {
  if (!isRecord(json) || json.nbformat !== 4 || !Array.isArray(json.cells)) {
    throw new IpynbError('not a Jupyter notebook: expected nbformat 4 JSON with a "cells" list');
  }
  const metadata = isRecord(json.metadata) ? json.metadata : {};
  const kernelLanguage = checkKernel(metadata);
  const cells: Record<string, unknown>[] = json.cells.map((cell: unknown, index: number) => {
    if (
      !isRecord(cell) ||
      typeof cell.cell_type !== 'string' ||
      joinMultiline(cell.source) === undefined
    ) {
      throw new IpynbError(`cell ${index + 1} is not a Jupyter cell with a source text`);
    }
    return cell;
  });
  const playgrad = isRecord(metadata.playgrad) ? metadata.playgrad : undefined;
  const front = importFrontMatter(playgrad, cells);
  return playgrad ? importOwn(front, cells) : importForeign(front, cells, kernelLanguage);
}

/** A notebook Playgrad wrote: cells, ids and fences come back exactly from metadata. */
function importOwn(front: Front, cells: Record<string, unknown>[]) {
  const { frontMatter, frontMatterSource, warnings } = front;
  const notebook: Notebook = {
    frontMatter,
    frontMatterSource,
    cells: cells.map(importCell),
    warnings,
  };
  reparse(serialize(notebook)); // Checks ids and exercise references like a lesson file.
  const outputs: Record<string, CellOutput[]> = {};
  cells.forEach((cell, index) => {
    const own = notebook.cells[index];
    const converted = outputsOf(cell);
    if (own.kind === 'code' && converted.length > 0) outputs[own.id] = converted;
  });
  return { notebook, outputs };
}

/**
 * A notebook from another JavaScript/TypeScript kernel: written out as a lesson file and
 * parsed, so that ids, roles and spacing are exactly what the file format gives.
 */
function importForeign(front: Front, cells: Record<string, unknown>[], lang: 'ts' | 'js') {
  const pieces: string[] = [];
  const expected: { source: string; outputs: CellOutput[] }[] = [];
  for (const cell of cells) {
    const text = joinMultiline(cell.source) ?? '';
    if (cell.cell_type !== 'code') {
      if (text.trim() !== '') pieces.push(text.trim());
      continue;
    }
    const source = text.replace(/\n$/, '');
    const fenced: CodeCell = {
      kind: 'code',
      id: 'cell-0',
      lang,
      role: 'code',
      attrs: {},
      source,
      fence: '```',
    };
    pieces.push(writeCodeCell(fenced, 0).replace(/\n$/, ''));
    expected.push({ source, outputs: outputsOf(cell) });
  }
  const notebook = reparse(`---\n${front.frontMatterSource}\n---\n\n${pieces.join('\n\n')}\n`);
  // Match outputs to cells by source: a Markdown cell may itself hold a runnable fence.
  const runnable = notebook.cells.filter((cell) => cell.kind === 'code' && cell.role === 'code');
  const outputs: Record<string, CellOutput[]> = {};
  let next = 0;
  for (const { source, outputs: converted } of expected) {
    while (next < runnable.length && runnable[next].source !== source) next++;
    const target = runnable[next++];
    if (target && converted.length > 0) outputs[target.id] = converted;
  }
  return { notebook, outputs };
}

function reparse(text: string): Notebook {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof NotebookError) throw new IpynbError(`invalid notebook: ${error.message}`);
    throw error;
  }
}

function outputsOf(cell: Record<string, unknown>): CellOutput[] {
  const list: unknown[] = Array.isArray(cell.outputs) ? cell.outputs : [];
  return list.flatMap((output) => outputFromJupyter(output) ?? []);
}
