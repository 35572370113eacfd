/**
 * `inputs.file`: a file picker and drop zone. The UI reads the chosen file as text and
 * sends `{ name, text }`; a PDF (name ending in .pdf, or type application/pdf) it sends
 * as `{ name, bytes }`, since its text must be extracted (`text.readDocument`). `.text()`
 * resolves with the text; for a PDF, the text of its pages (or an Error saying why not).
 *
 * An image or other binary file is refused, in the page and here, with a message naming
 * it (text-file.ts): read as text, it would be garbage that looks like data.
 *
 * In `playgrad run` nobody picks a file, so a runnable cell must not wait for one: give
 * `.text({ fallback })` a sample text to use until the learner picks their own file.
 */
import { onInput } from './input-registry';
import { InterruptedError, kernelContext } from './context';
import { display } from './display';
import { InputWidget, labelOf } from './input-widget';
import { readDocument } from './text/document';
import { nonTextKind, NotTextError, notTextMessage, TEXT_FILES } from './text/text-file';

/** Files larger than this are refused in the page with a message saying why. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How often a cell waiting for a file checks whether the learner pressed Stop. */
const STOP_POLL_MS = 100;

export interface FileInputOptions {
  label?: string;
  /** Which files the picker offers, as in `<input accept>`: '.csv,text/csv'. */
  accept?: string;
}

/** A picked file as the UI sends it: text for text files, bytes for a PDF. */
export type PickedFile = { name: string; text: string } | { name: string; bytes: Uint8Array };

export interface TextOptions {
  /** Returned at once while no file was picked (always, in headless runs). */
  fallback?: string;
}

function isPickedFile(value: unknown): value is PickedFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    typeof file.name === 'string' &&
    (typeof file.text === 'string' || file.bytes instanceof Uint8Array)
  );
}

/** A text file's text; a PDF's page texts, a blank line between pages. */
async function textOf(file: PickedFile): Promise<string> {
  if ('text' in file) {
    const nonText = nonTextKind(file.name, file.text);
    if (nonText) throw new NotTextError(notTextMessage(file.name, nonText, TEXT_FILES));
    return file.text;
  }
  const doc = await readDocument(file);
  return doc.parts.map((part) => part.text).join('\n\n');
}

export class FileInput extends InputWidget {
  readonly accept: string;

  constructor(options: FileInputOptions = {}) {
    super('file', options.label ?? 'Choose a file');
    this.accept = options.accept ?? '';
  }

  /**
   * The picked file, `{ name, text }` or for a PDF `{ name, bytes }`, or undefined before
   * the learner picks one. `text.readDocument(upload.value)` reads either kind.
   */
  get value(): PickedFile | undefined {
    const reported = this.reported();
    return isPickedFile(reported) ? reported : undefined;
  }

  /** The picked file's name, or undefined. */
  get fileName(): string | undefined {
    return this.value?.name;
  }

  /**
   * The picked file's text (a PDF's extracted text). With a `fallback`, resolves at once
   * (the fallback until a file is picked; picking one re-runs the cells that use it).
   * Without one, shows the picker if it is not on the page yet and waits for the learner
   * (Stop ends the wait).
   */
  text(options: TextOptions = {}): Promise<string> {
    const picked = this.value;
    if (picked) return textOf(picked);
    if (options.fallback !== undefined) return Promise.resolve(options.fallback);
    if (!this.shown) display(this);
    return this.waitForPick();
  }

  private waitForPick(): Promise<string> {
    const context = kernelContext();
    return new Promise<PickedFile>((resolve, reject) => {
      const finish = (): void => {
        unsubscribe();
        clearInterval(timer);
      };
      const unsubscribe = onInput(this.id, (value) => {
        if (!isPickedFile(value)) return;
        finish();
        resolve(value);
      });
      const timer = setInterval(() => {
        if (!context.interrupted()) return;
        finish();
        reject(new InterruptedError());
      }, STOP_POLL_MS);
    }).then(textOf);
  }

  protected spec() {
    return { accept: this.accept, maxBytes: MAX_FILE_BYTES, fileName: this.fileName };
  }

  protected summary(): string {
    const picked = this.fileName ? `: ${this.fileName}` : ': no file picked';
    return `${labelOf('File input', this.label)}${picked}`;
  }
}
