/**
 * `text.readDocument`: a document the learner picked (plain text, Markdown or PDF) as
 * parts that each say where they came from, ready to chunk for retrieval (RAG).
 *
 * - a PDF gives one part per page with text: source "report.pdf, page 3";
 * - Markdown gives one part per heading section: source = the heading (text before the
 *   first heading, if any, has the file name as source);
 * - anything else is plain text: one part, source = the file name.
 *
 * An image, audio, an archive or any other binary file is refused (a NotTextError naming
 * the file and what is accepted) rather than indexed as text (text-file.ts).
 *
 * Parts without text are dropped. A PDF that cannot be read, or has no text layer at all
 * (a scan), is an Error whose message says so.
 *
 * @example
 * import { inputs, text } from 'playgrad'
 * const upload = inputs.file({ accept: '.txt,.md,.pdf' })
 * const doc = await text.readDocument(upload.value ?? { name: 'note.txt', text: 'Hello.' })
 * doc.parts  // [{ source: 'note.txt', text: 'Hello.' }]
 */
import { readPdfPages, PdfError } from './pdf';
import { DOCUMENT_FILES, nonTextKind, NotTextError, notTextMessage } from './text-file';

/** A file as `inputs.file` reports it: text for text files, bytes for a PDF. */
export type DocumentFile =
  { name: string; text: string } | { name: string; bytes: Uint8Array | ArrayBuffer };

export type DocumentKind = 'text' | 'markdown' | 'pdf';

export interface DocumentPart {
  /** Where the part came from: a page, a heading or the file. */
  source: string;
  text: string;
}

export interface ReadDocument {
  name: string;
  kind: DocumentKind;
  parts: DocumentPart[];
}

/** True for a name ending in .pdf (any case): how `inputs.file` decides to send bytes. */
export function isPdfName(name: string): boolean {
  return /\.pdf$/i.test(name);
}

function kindOf(name: string, hasBytes: boolean): DocumentKind {
  if (hasBytes || isPdfName(name)) return 'pdf';
  return /\.(md|markdown)$/i.test(name) ? 'markdown' : 'text';
}

// An ATX heading line: one to six #, a space, the title (closing #s dropped).
const HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
// A fenced code block's opening or closing line: a # inside it is not a heading.
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * One part per heading section; the text before the first heading is the file's own.
 * A part's text starts with its heading line (the heading's words help retrieval); a
 * section with nothing under its heading is dropped.
 */
export function markdownSections(name: string, markdown: string): DocumentPart[] {
  const parts: DocumentPart[] = [];
  let source = name;
  let heading = '';
  let body: string[] = [];
  let inFence = false;
  const flush = (): void => {
    const text = body.join('\n').trim();
    if (text) parts.push({ source, text: heading ? `${heading}\n${text}` : text });
  };
  for (const line of markdown.split(/\r?\n/)) {
    if (FENCE.test(line)) inFence = !inFence;
    const match = inFence ? null : HEADING.exec(line);
    if (match) {
      flush();
      source = match[1].trim();
      heading = line.trim();
      body = [];
    } else {
      body.push(line);
    }
  }
  flush();
  return parts;
}

function toBytes(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

function checkFile(file: unknown): asserts file is DocumentFile {
  const f = file as Record<string, unknown> | null;
  const ok =
    typeof f === 'object' &&
    f !== null &&
    typeof f.name === 'string' &&
    (typeof f.text === 'string' || f.bytes instanceof Uint8Array || f.bytes instanceof ArrayBuffer);
  if (!ok) {
    throw new TypeError(
      'readDocument: expected a picked file, { name, text } or { name, bytes } ' +
        '(e.g. upload.value from inputs.file, or your own sample)',
    );
  }
}

/** Reads a picked file into parts that name their source (see the module comment). */
export async function readDocument(file: DocumentFile): Promise<ReadDocument> {
  checkFile(file);
  const { name } = file;
  const kind = kindOf(name, 'bytes' in file);
  // Text is judged by name and content; bytes (a PDF by its type) by name only.
  const nonText = 'text' in file ? nonTextKind(name, file.text) : nonTextKind(name, '');
  if (nonText) throw new NotTextError(notTextMessage(name, nonText, DOCUMENT_FILES));
  if (kind !== 'pdf' && 'text' in file) {
    const parts =
      kind === 'markdown'
        ? markdownSections(name, file.text)
        : [{ source: name, text: file.text.trim() }].filter((p) => p.text);
    return { name, kind, parts };
  }
  if (!('bytes' in file)) {
    throw new PdfError(
      `${name} arrived as text, not as bytes: a PDF must be read as bytes ` +
        '(inputs.file does this for files whose name ends in .pdf).',
    );
  }
  const pages = await readPdfPages(name, toBytes(file.bytes));
  const parts = pages
    .filter((p) => p.text.trim())
    .map((p) => ({ source: `${name}, page ${p.page}`, text: p.text }));
  if (parts.length === 0) {
    const count = pages.length === 1 ? '1 page' : `${pages.length} pages`;
    throw new PdfError(
      `${name} (${count}) has no text layer: it is probably a scan, which holds pictures ` +
        'of pages rather than their text. Run OCR on it first, or use a PDF saved from ' +
        'a text document.',
    );
  }
  return { name, kind, parts };
}
