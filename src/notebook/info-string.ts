/**
 * The info string of a code fence: a language, then optional `{…}` attributes.
 *
 *     ts {id=fit}                 → lang 'ts', attrs { id: 'fit' }
 *     ts {id=grad exercise}       → attrs { id: 'grad', exercise: true }
 *     ts {check for=grad title="Does it fit?"}
 *
 * Attributes are `key=value` pairs (values may be double-quoted, with `\"` and `\\`
 * escapes) and bare flags (stored as `true`).
 */
import { HINT_LANGS, NotebookError, RUNNABLE_LANGS, type CellRole } from './types';

export interface InfoString {
  /** Lower-cased language; '' when the fence names none. */
  lang: string;
  attrs: Record<string, string | true>;
  /** Text that is neither the language nor `{…}` (ignored, reported as a warning). */
  extra: string;
}

const KEY = /^[A-Za-z_][\w-]*/;
/** Values written without quotes must not contain these. */
const NEEDS_QUOTES = /[\s"'{}=\\]/;

/** Parses what follows the fence marker; `line` is used in error messages. */
export function parseInfoString(info: string, line: number): InfoString {
  const text = info.trim();
  const brace = text.indexOf('{');
  const head = brace < 0 ? text : text.slice(0, brace);
  const [langWord = '', ...rest] = head.trim().split(/\s+/);
  const lang = langWord.toLowerCase();
  let extra = rest.join(' ');
  if (brace < 0) return { lang, attrs: {}, extra };

  const { attrs, end } = parseAttributes(text, brace + 1, line);
  const after = text.slice(end).trim();
  if (after) extra = extra ? `${extra} ${after}` : after;
  return { lang, attrs, extra };
}

/** Reads `key=value` pairs and flags from `text[start]` up to the closing `}`. */
function parseAttributes(
  text: string,
  start: number,
  line: number,
): { attrs: Record<string, string | true>; end: number } {
  const attrs: Record<string, string | true> = {};
  let pos = start;
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
    if (pos >= text.length) throw new NotebookError('code fence attributes: missing "}"', line);
    if (text[pos] === '}') return { attrs, end: pos + 1 };

    const key = KEY.exec(text.slice(pos))?.[0];
    if (!key) {
      throw new NotebookError(
        `code fence attributes: expected a name, got "${text.slice(pos, pos + 10)}"`,
        line,
      );
    }
    if (key in attrs) {
      throw new NotebookError(`code fence attributes: "${key}" is given twice`, line, key);
    }
    pos += key.length;
    if (text[pos] !== '=') {
      attrs[key] = true;
      continue;
    }
    pos++;
    const value = readValue(text, pos, key, line);
    attrs[key] = value.value;
    pos = value.end;
  }
}

function readValue(
  text: string,
  start: number,
  key: string,
  line: number,
): { value: string; end: number } {
  if (text[start] !== '"') {
    const match = /^[^\s"{}]+/.exec(text.slice(start));
    if (!match) throw new NotebookError(`code fence attributes: "${key}=" has no value`, line, key);
    return { value: match[0], end: start + match[0].length };
  }
  let value = '';
  for (let pos = start + 1; pos < text.length; pos++) {
    const ch = text[pos];
    if (ch === '"') return { value, end: pos + 1 };
    if (ch === '\\' && pos + 1 < text.length) {
      pos++;
      value += text[pos];
    } else {
      value += ch;
    }
  }
  throw new NotebookError(
    `code fence attributes: the quoted value of "${key}" is not closed`,
    line,
    key,
  );
}

/** The canonical info string: `lang {key=value flag}`; quotes only where needed. */
export function formatInfoString(lang: string, attrs: Record<string, string | true>): string {
  const parts = Object.entries(attrs).map(([key, value]) => {
    if (value === true) return key;
    if (value !== '' && !NEEDS_QUOTES.test(value)) return `${key}=${value}`;
    return `${key}="${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
  });
  const braces = parts.length > 0 ? `{${parts.join(' ')}}` : '';
  return [lang, braces].filter(Boolean).join(' ');
}

export function isRunnable(lang: string): boolean {
  return (RUNNABLE_LANGS as readonly string[]).includes(lang);
}

/** The flags that give a cell a role other than 'code'/'static'. */
export const ROLE_FLAGS = ['exercise', 'solution', 'check', 'hint'] as const;

/** A cell's role, from its language and flags; throws on contradictory flags. */
export function roleOf(lang: string, attrs: Record<string, string | true>, line: number): CellRole {
  const flags = ROLE_FLAGS.filter((flag) => attrs[flag] === true);
  if (flags.length > 1) {
    throw new NotebookError(
      `a cell cannot be both ${flags.map((flag) => `"${flag}"`).join(' and ')}`,
      line,
      flags[1],
    );
  }
  const role = flags[0];
  if (!role) return isRunnable(lang) ? 'code' : 'static';
  if (role === 'hint') {
    if (!(HINT_LANGS as readonly string[]).includes(lang)) {
      throw new NotebookError(
        `a hint is Markdown for the learner: write it as \`\`\`md {hint for=…}, not "${lang}"`,
        line,
        role,
      );
    }
    return role;
  }
  if (!isRunnable(lang)) {
    throw new NotebookError(
      `only ${RUNNABLE_LANGS.join('/')} cells can be "${role}" cells, this one is "${lang}"`,
      line,
      role,
    );
  }
  return role;
}

/**
 * `cleanup` marks an ordinary code cell that frees what the lesson made: a flag, on a
 * TS/JS cell that is not an exercise, solution, check or hint (those have their own runs).
 */
export function checkCleanupFlag(
  role: CellRole,
  attrs: Record<string, string | true>,
  line: number,
): void {
  const value = attrs.cleanup;
  if (value === undefined) return;
  if (value !== true) {
    throw new NotebookError(
      `"cleanup" is a flag: write {cleanup}, not {cleanup=${value}}`,
      line,
      'cleanup',
    );
  }
  if (role !== 'code') {
    const what =
      role === 'static'
        ? 'a cell that never runs'
        : `${role === 'exercise' ? 'an' : 'a'} "${role}" cell`;
    throw new NotebookError(
      `"cleanup" marks an ordinary TS/JS cell that frees memory, not ${what}`,
      line,
      'cleanup',
    );
  }
}
