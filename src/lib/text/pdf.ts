/**
 * The text layer of a PDF, page by page, with pdf.js (pdfjs-dist).
 *
 * pdf.js is large (≈1.7 MB minified, 515 KB gzip), so it is imported only when a PDF is read. Its
 * "worker" code runs in this thread (the kernel is already a worker): setting
 * `globalThis.pdfjsWorker` makes pdf.js use it instead of starting a worker from a URL, so
 * it needs no worker file, no CDN and no `workerSrc`, in the browser and in Node alike.
 * The legacy build is used because the modern one needs `DOMMatrix`, which Node lacks
 * (docs/decisions.md).
 *
 * Nothing is fetched: no standard-font data, no CMaps (text extraction does not need the
 * fonts' glyph shapes; text in CJK fonts that rely on a predefined CMap is lost).
 */

import { InterruptedError, throwIfInterrupted } from '../context';

/** One page's text, in reading order as the PDF stores it. */
export interface PdfPage {
  /** From 1, as a reader counts pages. */
  page: number;
  text: string;
}

/** A PDF that cannot be read, with a message for the learner. */
export class PdfError extends Error {
  override name = 'PdfError';
}

/** What a text item from `getTextContent` carries that matters here. */
interface TextPiece {
  str: string;
  hasEOL: boolean;
}

type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | undefined;

/** pdf.js, with its worker code installed in this thread; imported once. */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    const scope = globalThis as { pdfjsWorker?: { WorkerMessageHandler: unknown } };
    scope.pdfjsWorker ??= { WorkerMessageHandler: worker.WorkerMessageHandler };
    return pdfjs;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Joins a page's text items: a line break where the PDF ends a line, else as they are. */
export function joinTextItems(items: readonly unknown[]): string {
  let out = '';
  for (const item of items) {
    // Marked-content items ({ type: 'beginMarkedContent' }) carry no text.
    if (typeof item !== 'object' || item === null || !('str' in item)) continue;
    const piece = item as TextPiece;
    out += piece.str;
    if (piece.hasEOL) out += '\n';
  }
  return out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Why pdf.js refused `name`, in words for the learner. */
function explain(name: string, error: unknown): PdfError {
  const kind = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (kind === 'PasswordException') {
    return new PdfError(
      `${name} is protected by a password, so its text cannot be read here. ` +
        'Save an unprotected copy (or export it as text) and drop that in.',
    );
  }
  if (kind === 'InvalidPDFException' || kind === 'FormatError') {
    return new PdfError(
      `${name} is not a valid PDF (pdf.js: ${detail}). It may be damaged, cut short, ` +
        'or another kind of file with a .pdf name.',
    );
  }
  return new PdfError(`Could not read ${name} as a PDF: ${detail}`);
}

/** The text of each page of a PDF. Pages without text come back with `text: ''`. */
export async function readPdfPages(name: string, bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  // No `onPassword`: pdf.js then rejects a password-protected PDF with PasswordException
  // at once, instead of waiting for a password nobody will type.
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    throw explain(name, error);
  }
  try {
    const pages: PdfPage[] = [];
    for (let page = 1; page <= doc.numPages; page++) {
      // Stop ends a long PDF between pages.
      throwIfInterrupted();
      const content = await (await doc.getPage(page)).getTextContent();
      pages.push({ page, text: joinTextItems(content.items) });
    }
    return pages;
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    throw explain(name, error);
  } finally {
    await doc.destroy();
  }
}
