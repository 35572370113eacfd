/**
 * Markdown text → Notebook. The inverse of `serialize`.
 *
 * Fenced blocks are found with markdown-it's own block parser, so whatever a renderer
 * shows as a code block is exactly what becomes a cell (fences nested in lists or block
 * quotes stay prose). Line endings are normalised to LF (and a BOM dropped): a CRLF file
 * parses, and serializes back with LF.
 */
import MarkdownIt from 'markdown-it';
import { closesFence } from './fence';
import { readFrontMatter } from './front-matter';
import { checkCleanupFlag, formatInfoString, parseInfoString, roleOf } from './info-string';
import { lessonModel } from './lesson';
import { positionalId, positionCounter } from './positions';
import { NotebookError, type Cell, type CodeCell, type Notebook, type ParseWarning } from './types';

// 'commonmark' recognises HTML blocks, so a fence inside raw HTML is not taken for a cell.
const markdown = new MarkdownIt('commonmark');

export function parse(text: string): Notebook {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const { yaml, bodyFirstLine } = splitFrontMatter(lines);
  const { frontMatter, warnings } = readFrontMatter(yaml, 2);
  const body = lines.slice(bodyFirstLine - 1).join('\n');
  const cells = readCells(body, bodyFirstLine, warnings);
  assignIds(cells);
  checkReferences(cells);
  return { frontMatter, frontMatterSource: yaml, cells: cells.map((c) => c.cell), warnings };
}

function splitFrontMatter(lines: string[]): { yaml: string; bodyFirstLine: number } {
  if (lines[0].trimEnd() !== '---') {
    throw new NotebookError(
      'missing front matter: a notebook starts with a "---" line, YAML (title, week, order), then "---"',
      1,
    );
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (close < 0) {
    throw new NotebookError(
      'front matter: the "---" at line 1 is never closed by another "---"',
      1,
    );
  }
  return { yaml: lines.slice(1, close).join('\n'), bodyFirstLine: close + 2 };
}

/** A cell and the file line it starts at, for error messages. */
interface Located {
  cell: Cell;
  line: number;
}

function readCells(body: string, firstLine: number, warnings: ParseWarning[]): Located[] {
  const lines = body.split('\n');
  const starts = [0];
  for (const line of lines) starts.push(starts[starts.length - 1] + line.length + 1);
  const offset = (line: number): number => Math.min(starts[line], body.length);

  const cells: Located[] = [];
  const addMarkdown = (from: number, to: number): void => {
    const source = body.slice(offset(from), offset(to));
    if (source !== '')
      cells.push({ cell: { kind: 'markdown', id: '', source }, line: firstLine + from });
  };

  let proseFrom = 0;
  for (const token of markdown.parse(body, {})) {
    if (token.type !== 'fence' || token.level !== 0 || !token.map) continue;
    const [open, end] = token.map;
    const fileLine = firstLine + open;
    if (/^\s/.test(lines[open])) {
      warnings.push({
        message: 'an indented code fence is shown as code, never run (remove the indentation)',
        line: fileLine,
      });
      continue;
    }
    const close = end - 1;
    if (close <= open || !closesFence(lines[close], token.markup)) {
      throw new NotebookError(`code fence opened at line ${fileLine} is never closed`, fileLine);
    }
    addMarkdown(proseFrom, open);
    cells.push({
      cell: codeCell(
        lines[open],
        token.markup,
        lines.slice(open + 1, close),
        lines[close],
        fileLine,
        warnings,
      ),
      line: fileLine,
    });
    proseFrom = end;
  }
  addMarkdown(proseFrom, lines.length);
  return cells;
}

function codeCell(
  openLine: string,
  fence: string,
  sourceLines: string[],
  closeLine: string,
  line: number,
  warnings: ParseWarning[],
): CodeCell {
  const info = openLine.slice(fence.length);
  const parsed = parseInfoString(info, line);
  if (parsed.extra) {
    warnings.push({
      message: `code fence: "${parsed.extra}" is ignored (attributes go in {…})`,
      line,
    });
  }
  const role = roleOf(parsed.lang, parsed.attrs, line);
  checkCleanupFlag(role, parsed.attrs, line);
  const cell: CodeCell = {
    kind: 'code',
    id: '',
    lang: parsed.lang,
    role,
    attrs: parsed.attrs,
    source: sourceLines.join('\n'),
    fence,
  };
  const target = parsed.attrs.for;
  if (role === 'solution' || role === 'check' || role === 'hint') {
    if (typeof target !== 'string') {
      throw new NotebookError(`a "${role}" cell needs for=<id of its exercise>`, line, 'for');
    }
    cell.for = target;
  } else if (target !== undefined) {
    warnings.push({
      message: 'code fence: "for" only means something on solution, check and hint cells',
      line,
    });
  }
  if (info !== formatInfoString(parsed.lang, parsed.attrs)) cell.info = info;
  if (closeLine !== fence) cell.closingFence = closeLine;
  return cell;
}

/**
 * `{id=…}` when given; otherwise `cell-N` / `hint-N` / `md-N` by position among cells of
 * that kind. Hints are numbered apart so that adding one renames no other cell.
 */
function assignIds(cells: Located[]): void {
  const position = positionCounter();
  let prose = 0;
  const seen = new Map<string, number>();
  for (const { cell, line } of cells) {
    if (cell.kind === 'markdown') {
      cell.id = `md-${++prose}`;
    } else {
      const index = position(cell);
      const id = cell.attrs.id;
      if (id === true || id === '')
        throw new NotebookError('code fence: "id" needs a value', line, 'id');
      cell.id = id ?? positionalId(cell, index);
    }
    const earlier = seen.get(cell.id);
    if (earlier !== undefined) {
      throw new NotebookError(
        `duplicate cell id "${cell.id}" (first used at line ${earlier})`,
        line,
        'id',
      );
    }
    seen.set(cell.id, line);
  }
}

/** Solutions, checks and hints name an existing exercise, one solution and check each. */
function checkReferences(cells: Located[]): void {
  const [problem] = lessonModel(cells.map(({ cell }) => cell)).problems;
  if (!problem) return;
  const line = cells.find(({ cell }) => cell === problem.cell)?.line ?? 1;
  throw new NotebookError(problem.message, line, 'for');
}
