/**
 * `inputs.file`: a file picker and drop zone. The UI reads the chosen file as text and
 * sends `{ name, text }`; `.text()` resolves with it.
 *
 * In `playgrad run` nobody picks a file, so a runnable cell must not wait for one: give
 * `.text({ fallback })` a sample text to use until the learner picks their own file.
 */
import { onInput } from '../kernel/inputs';
import { InterruptedError, kernelContext } from './context';
import { display } from './display';
import { InputWidget, labelOf } from './input-widget';

/** Files larger than this are refused in the page with a message saying why. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How often a cell waiting for a file checks whether the learner pressed Stop. */
const STOP_POLL_MS = 100;

export interface FileInputOptions {
  label?: string;
  /** Which files the picker offers, as in `<input accept>`: '.csv,text/csv'. */
  accept?: string;
}

export interface PickedFile {
  name: string;
  text: string;
}

export interface TextOptions {
  /** Returned at once while no file was picked (always, in headless runs). */
  fallback?: string;
}

function isPickedFile(value: unknown): value is PickedFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return typeof file.name === 'string' && typeof file.text === 'string';
}

export class FileInput extends InputWidget {
  readonly accept: string;

  constructor(options: FileInputOptions = {}) {
    super('file', options.label ?? 'Choose a file');
    this.accept = options.accept ?? '';
  }

  /** The picked file's name and text, or undefined before the learner picks one. */
  get value(): PickedFile | undefined {
    const reported = this.reported();
    return isPickedFile(reported) ? reported : undefined;
  }

  /** The picked file's name, or undefined. */
  get fileName(): string | undefined {
    return this.value?.name;
  }

  /**
   * The picked file's text. With a `fallback`, resolves at once (the fallback until a file
   * is picked; picking one re-runs the cells that use it). Without one, shows the picker
   * if it is not on the page yet and waits for the learner (Stop ends the wait).
   */
  text(options: TextOptions = {}): Promise<string> {
    const picked = this.value;
    if (picked) return Promise.resolve(picked.text);
    if (options.fallback !== undefined) return Promise.resolve(options.fallback);
    if (!this.shown) display(this);
    return this.waitForPick();
  }

  private waitForPick(): Promise<string> {
    const context = kernelContext();
    return new Promise<string>((resolve, reject) => {
      const finish = (): void => {
        unsubscribe();
        clearInterval(timer);
      };
      const unsubscribe = onInput(this.id, (value) => {
        if (!isPickedFile(value)) return;
        finish();
        resolve(value.text);
      });
      const timer = setInterval(() => {
        if (!context.interrupted()) return;
        finish();
        reject(new InterruptedError());
      }, STOP_POLL_MS);
    });
  }

  protected spec() {
    return { accept: this.accept, maxBytes: MAX_FILE_BYTES, fileName: this.fileName };
  }

  protected summary(): string {
    const picked = this.fileName ? `: ${this.fileName}` : ': no file picked';
    return `${labelOf('File input', this.label)}${picked}`;
  }
}
