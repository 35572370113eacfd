/**
 * The in-memory shape of a lesson notebook (`notebooks/**\/*.md`).
 *
 * A notebook is YAML front matter followed by Markdown prose and fenced code blocks.
 * Every fenced block is a code cell; the prose between them is a Markdown cell. The
 * representation keeps enough of the original text (fence markers, info strings,
 * blank lines) that `parse(serialize(nb))` is the identity and, for files written by
 * hand, `serialize(parse(text)) === text`.
 */

export interface FrontMatter {
  title: string;
  /** The course is a sequence of weeks; each has one or more lessons. */
  week: number;
  /** Position within the week. */
  order: number;
  summary?: string;
  objectives?: string[];
  /** Names understood by `datasets.load`. */
  datasets?: string[];
  models?: string[];
  /** Estimated time to work through the lesson. */
  minutes?: number;
}

/** How a code cell takes part in a run. */
export type CellRole =
  /** An ordinary runnable cell. */
  | 'code'
  /** Starting code with a TODO that the learner completes. */
  | 'exercise'
  /** The hidden solution of the exercise named by `for`. */
  | 'solution'
  /** Asserts on the learner's result of the exercise named by `for`. */
  | 'check'
  /**
   * A hint for the exercise named by `for`: a Markdown fence (```` ```md {hint for=fit} ````),
   * shown one at a time on request, in the order written; never run.
   */
  | 'hint'
  /** A fence in a language that is shown, never run (```python). */
  | 'static';

export interface MarkdownCell {
  kind: 'markdown';
  id: string;
  /** The exact text between two code cells (or the front matter), blank lines included. */
  source: string;
}

export interface CodeCell {
  kind: 'code';
  /** `{id=…}` when given, otherwise derived from the position: `cell-1`, `cell-2`, … */
  id: string;
  /** The fence's language, lower-cased: 'ts', 'js', 'python', … */
  lang: string;
  role: CellRole;
  /** For solution, check and hint cells: the id of the exercise they belong to. */
  for?: string;
  /** Every attribute from the info string's `{…}`, flags as `true`. */
  attrs: Record<string, string | true>;
  /** The cell's code, without the fences, without a trailing newline. */
  source: string;
  /** The opening fence marker as written ("```", "````", "~~~"). */
  fence: string;
  /**
   * What followed the opening marker exactly as written, kept only when it differs from
   * the canonical `lang {attrs}` (other spacing, quoting, case), so the file round-trips.
   * `serialize` ignores it once it no longer describes `lang` and `attrs`.
   */
  info?: string;
  /** The closing fence line exactly as written, kept only when it differs from `fence`. */
  closingFence?: string;
}

export type Cell = MarkdownCell | CodeCell;

export interface ParseWarning {
  message: string;
  /** 1-based line in the notebook file. */
  line: number;
}

export interface Notebook {
  frontMatter: FrontMatter;
  /**
   * The front matter's YAML exactly as written (comments and key order kept), without
   * the `---` lines. `serialize` writes it back when it still describes `frontMatter`.
   */
  frontMatterSource: string;
  cells: Cell[];
  /** Non-fatal findings, e.g. an unknown front-matter field (ignored, still loads). */
  warnings: ParseWarning[];
}

/** A fatal problem in a notebook file: names the line (and field) so a learner can fix it. */
export class NotebookError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly field?: string,
  ) {
    super(`${message} (line ${line})`);
    this.name = 'NotebookError';
  }
}

/** Languages the kernel runs; any other fence is shown as code only. */
export const RUNNABLE_LANGS = ['ts', 'typescript', 'js', 'javascript'] as const;

/** Languages a hint fence may name: a hint is prose for the learner, not code. */
export const HINT_LANGS = ['md', 'markdown'] as const;

/** One entry of the course index built from every notebook's front matter. */
export interface LessonEntry {
  /** Path under `notebooks/`, without `.md`: 'week1/gradient-descent'. */
  slug: string;
  frontMatter: FrontMatter;
  /** Ids of the lesson's exercise cells (absent when it has none), for progress in the index. */
  exercises?: string[];
  /** Large files the lesson loads that the service worker does not precache (absent: none). */
  assets?: LessonAsset[];
}

/** A per-lesson file (an image dataset, a model file): site-relative URL and size. */
export interface LessonAsset {
  /** Relative to the site's base: 'datasets/mnist.u8.gz', 'models/tiny-lm/weights.bin'. */
  url: string;
  bytes: number;
}
