/**
 * `text.loadCorpus(file)`: a plain-text document the site ships under `corpus/`
 * (public/corpus/, see its README), for lessons that chunk and search real prose.
 *
 * @example
 * import { text } from 'playgrad'
 * const book = await text.loadCorpus('moby-dick-excerpt.txt')
 * book.slice(0, 20)   // 'CHAPTER 1. Loomings.'
 */
import { kernelContext } from '../context';

/** Fetches `<site>/corpus/<file>` as text; a missing file fails with its URL and status. */
export async function loadCorpus(file: string): Promise<string> {
  if (typeof file !== 'string' || !/^[\w.-]+$/.test(file) || file.startsWith('.')) {
    throw new TypeError(
      `loadCorpus: give a file name such as 'moby-dick-excerpt.txt', got ${JSON.stringify(file)}`,
    );
  }
  const url = new URL(`corpus/${file}`, kernelContext().baseUrl).href;
  const fail = (why: string) => new Error(`Could not load the corpus ${url}: ${why}`);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw fail(`${response.status} ${response.statusText}`.trim());
  const body = await response.text();
  // A dev server answers a missing file with the app's index.html and status 200.
  if (/^\s*<(!doctype|html)/i.test(body)) {
    throw fail('the server sent an HTML page instead (is the file missing?)');
  }
  return body;
}
