/**
 * The YAML front matter of a notebook: reading it field by field with errors that name
 * the field and the line, and writing it back without losing comments or unknown fields.
 */
import { Document, isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { NotebookError, type FrontMatter, type ParseWarning } from './types';

/** Every field the format knows, in the order fresh YAML writes them. */
export const FRONT_MATTER_FIELDS = [
  'title',
  'week',
  'order',
  'summary',
  'objectives',
  'datasets',
  'models',
  'minutes',
] as const satisfies readonly (keyof FrontMatter)[];

type Field = (typeof FRONT_MATTER_FIELDS)[number];

/** Checks one field's value; returns it typed, or a description of what was expected. */
type Check = (value: unknown) => { ok: true; value: unknown } | { ok: false; expected: string };

const isWhole = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min;

const stringList: Check = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? { ok: true, value: [...(value as string[])] }
    : { ok: false, expected: 'a list of strings' };

const CHECKS: Record<Field, Check> = {
  title: (value) =>
    typeof value === 'string' && value.trim() !== ''
      ? { ok: true, value }
      : { ok: false, expected: 'a non-empty string' },
  week: (value) =>
    isWhole(value, 1) ? { ok: true, value } : { ok: false, expected: 'a whole number >= 1' },
  order: (value) =>
    isWhole(value, 0) ? { ok: true, value } : { ok: false, expected: 'a whole number >= 0' },
  summary: (value) =>
    typeof value === 'string' ? { ok: true, value } : { ok: false, expected: 'a string' },
  objectives: stringList,
  datasets: stringList,
  models: stringList,
  minutes: (value) =>
    typeof value === 'number' && Number.isFinite(value) && value > 0
      ? { ok: true, value }
      : { ok: false, expected: 'a positive number' },
};

const REQUIRED: readonly Field[] = ['title', 'week', 'order'];

const isField = (key: string): key is Field =>
  (FRONT_MATTER_FIELDS as readonly string[]).includes(key);

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

/**
 * Validates the YAML between the `---` lines. `firstLine` is the file line of the YAML's
 * first line, so that every message names a line of the notebook file.
 */
export function readFrontMatter(
  source: string,
  firstLine: number,
): { frontMatter: FrontMatter; warnings: ParseWarning[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;

  const yamlError = doc.errors[0];
  if (yamlError) {
    const firstSentence = yamlError.message
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:?$/, '');
    const line = openingLine(
      source.split('\n'),
      lineCounter.linePos(yamlError.pos[0]).line,
      firstSentence,
    );
    throw new NotebookError(`front matter: invalid YAML: ${firstSentence}`, line + firstLine - 1);
  }
  if (!isMap(doc.contents)) {
    throw new NotebookError(
      'front matter: expected "key: value" lines (title, week, order, …)',
      doc.contents?.range ? lineOf(doc.contents.range[0]) : firstLine,
    );
  }

  const values: Partial<Record<Field, unknown>> = {};
  const warnings: ParseWarning[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const line = keyNode?.range ? lineOf(keyNode.range[0]) : firstLine;
    if (!isField(key)) {
      warnings.push({ message: `front matter: unknown field "${key}" is ignored`, line });
      continue;
    }
    const valueNode = pair.value as Node | null;
    const raw: unknown = valueNode ? valueNode.toJSON() : null;
    const checked = CHECKS[key](raw);
    if (!checked.ok) {
      const valueLine = valueNode?.range ? lineOf(valueNode.range[0]) : line;
      throw new NotebookError(
        `front matter: "${key}" must be ${checked.expected}, got ${describe(raw)}`,
        valueLine,
        key,
      );
    }
    values[key] = checked.value;
  }

  for (const key of REQUIRED) {
    if (!(key in values)) {
      throw new NotebookError(`front matter: "${key}" is required`, firstLine - 1, key);
    }
  }
  const frontMatter = {} as Record<string, unknown>;
  for (const key of FRONT_MATTER_FIELDS) if (key in values) frontMatter[key] = values[key];
  return { frontMatter: frontMatter as unknown as FrontMatter, warnings };
}

/**
 * YAML notices an unclosed `[`, `{` or quote only where the next thing starts; a learner
 * needs the line that opened it. Scans back from the reported (1-based) line for it.
 */
function openingLine(lines: string[], reported: number, message: string): number {
  const unclosed = (line: string): boolean => {
    if (/quote/i.test(message)) return (line.match(/"/g) ?? []).length % 2 === 1;
    if (/flow/i.test(message)) {
      return (line.match(/[[{]/g) ?? []).length > (line.match(/[\]}]/g) ?? []).length;
    }
    return false;
  };
  for (let line = Math.min(reported, lines.length); line >= 1; line--) {
    if (unclosed(lines[line - 1])) return line;
  }
  return reported;
}

/** Whether two front matters hold the same values (key order does not matter). */
export function sameFrontMatter(a: FrontMatter, b: FrontMatter): boolean {
  return FRONT_MATTER_FIELDS.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

/**
 * YAML for `frontMatter`. When `previous` (the YAML as written) still describes it, it is
 * returned unchanged; otherwise the changed fields are rewritten in it, so comments and
 * unknown fields survive an edit made in the app.
 */
export function writeFrontMatter(frontMatter: FrontMatter, previous: string): string {
  const doc = tryParse(previous);
  if (!doc) return freshYaml(frontMatter);
  try {
    if (sameFrontMatter(readFrontMatter(previous, 1).frontMatter, frontMatter)) return previous;
  } catch {
    // The previous YAML no longer validates: rewrite the fields below.
  }
  const old = (doc.toJSON() ?? {}) as Record<string, unknown>;
  for (const key of FRONT_MATTER_FIELDS) {
    const value = frontMatter[key];
    if (value === undefined) doc.delete(key);
    else if (JSON.stringify(old[key]) !== JSON.stringify(value)) doc.set(key, value);
  }
  return doc.toString().replace(/\n$/, '');
}

function tryParse(source: string): Document | undefined {
  if (source.trim() === '') return undefined;
  const doc = parseDocument(source);
  return doc.errors.length === 0 && isMap(doc.contents) ? doc : undefined;
}

function freshYaml(frontMatter: FrontMatter): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_FIELDS) {
    if (frontMatter[key] !== undefined) ordered[key] = frontMatter[key];
  }
  return new Document(ordered).toString().replace(/\n$/, '');
}
