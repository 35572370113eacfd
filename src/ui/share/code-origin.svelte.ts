/**
 * Where code in a lesson came from when it did not come from the learner's typing: a file
 * loaded into the lesson ("Load into the lesson"). The lesson page says so, naming the
 * cells, until the learner runs something or dismisses it. Kept in sessionStorage, so it
 * survives the hop from the course index (where the file was dropped) to the lesson, and a
 * reload, but not the tab.
 */

export interface CodeOrigin {
  fileName: string;
  /** `Date.now()` when the file was loaded. */
  at: number;
  /** The cells whose code the file replaced. */
  cells: string[];
}

const key = (slug: string): string => `playgrad:code-origin:${slug}`;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // Storage disabled: the notice then lasts as long as the page.
  }
}

function read(slug: string): CodeOrigin | undefined {
  try {
    const raw = storage()?.getItem(key(slug));
    const parsed = raw ? (JSON.parse(raw) as Partial<CodeOrigin>) : undefined;
    if (
      typeof parsed?.fileName !== 'string' ||
      typeof parsed.at !== 'number' ||
      !Array.isArray(parsed.cells)
    ) {
      return undefined;
    }
    return { fileName: parsed.fileName, at: parsed.at, cells: parsed.cells.map(String) };
  } catch {
    return undefined;
  }
}

/** What this page set or forgot, by lesson slug (null: forgotten); reactive. */
const shown = $state<Record<string, CodeOrigin | null>>({});

export function codeOrigin(slug: string): CodeOrigin | undefined {
  const here = shown[slug];
  if (here === null) return undefined;
  return here ?? read(slug);
}

export function rememberCodeOrigin(slug: string, origin: CodeOrigin): void {
  shown[slug] = origin;
  try {
    storage()?.setItem(key(slug), JSON.stringify(origin));
  } catch {
    // A full sessionStorage only shortens the notice's life to this page.
  }
}

export function forgetCodeOrigin(slug: string): void {
  shown[slug] = null;
  try {
    storage()?.removeItem(key(slug));
  } catch {
    // Nothing to forget.
  }
}
