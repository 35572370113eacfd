/**
 * A hint in a `.ipynb` file: a Markdown cell that folds the hint away in a `<details>`
 * element, so Jupyter and GitHub show "Hint" and keep the text hidden until clicked, as
 * the lesson page does. `metadata.playgrad` says it is a hint; import unwraps it again.
 */

const OPEN = '<details>\n<summary>Hint</summary>\n\n';
const CLOSE = '\n\n</details>';

export function hintToMarkdown(source: string): string {
  return `${OPEN}${source}${CLOSE}`;
}

/** The hint's own Markdown; text written some other way is taken as it stands. */
export function hintFromMarkdown(text: string): string {
  const body = text.replace(/\n$/, '');
  return body.startsWith(OPEN) && body.endsWith(CLOSE)
    ? body.slice(OPEN.length, body.length - CLOSE.length)
    : body;
}
