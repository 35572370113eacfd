/**
 * Notebook → Markdown text. The inverse of `parse`: `serialize(parse(text)) === text` for
 * a well-formed LF file ending in a newline, and `parse(serialize(nb))` gives `nb` back.
 *
 * What is kept as written: the front matter's YAML (while it still describes
 * `frontMatter`), each markdown cell's text, fence markers and info strings (while they
 * still describe the cell). What is written fresh: anything the app changed.
 */
import { chooseFence, closesFence } from './fence';
import { writeFrontMatter } from './front-matter';
import { formatInfoString, parseInfoString, ROLE_FLAGS } from './info-string';
import { positionalId, positionCounter } from './positions';
import type { CodeCell, Notebook } from './types';

export function serialize(nb: Notebook): string {
  let out = `---\n${writeFrontMatter(nb.frontMatter, nb.frontMatterSource)}\n---\n`;
  const counter = positionCounter();
  for (const cell of nb.cells) {
    if (cell.kind === 'markdown') {
      out += cell.source;
      continue;
    }
    // A fence must start on its own line, even after a markdown cell edited in the app.
    if (!out.endsWith('\n')) out += '\n';
    out += writeCodeCell(cell, counter(cell));
  }
  return out;
}

/**
 * A code cell as a fenced block, newline included. `index` is its 1-based position (see
 * `positionCounter`): a cell whose id is not the positional one gets an explicit `{id=…}`.
 */
export function writeCodeCell(cell: CodeCell, index: number): string {
  const info = infoFor(cell, index);
  const fence = chooseFence(cell.fence, cell.source, info);
  const closing =
    fence === cell.fence && cell.closingFence !== undefined && closesFence(cell.closingFence, fence)
      ? cell.closingFence
      : fence;
  const body = cell.source === '' ? '' : `${cell.source}\n`;
  return `${fence}${info}\n${body}${closing}\n`;
}

/** The info string as written when it still says the same; otherwise the canonical one. */
function infoFor(cell: CodeCell, index: number): string {
  const attrs = attributesFor(cell, index);
  if (cell.info !== undefined) {
    try {
      const written = parseInfoString(cell.info, 0);
      if (written.lang === cell.lang && JSON.stringify(written.attrs) === JSON.stringify(attrs)) {
        return cell.info;
      }
    } catch {
      // The stored info string no longer parses: write a fresh one.
    }
  }
  return formatInfoString(cell.lang, attrs);
}

/**
 * `attrs`, completed with what `id`, `role` and `for` say when the app changed those
 * without touching `attrs` (so that parsing the text gives the same cell back).
 */
function attributesFor(cell: CodeCell, index: number): Record<string, string | true> {
  const attrs = { ...cell.attrs };
  if (attrs.id === undefined && cell.id !== positionalId(cell, index)) attrs.id = cell.id;
  for (const flag of ROLE_FLAGS) if (flag !== cell.role && attrs[flag] === true) delete attrs[flag];
  if ((ROLE_FLAGS as readonly string[]).includes(cell.role)) {
    attrs[cell.role] = true;
    if (cell.for !== undefined) attrs.for = cell.for;
  }
  return attrs;
}
