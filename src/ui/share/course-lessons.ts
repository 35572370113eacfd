/**
 * The shipped lessons, as the share and import features need them: the course list
 * (to recognise an imported lesson) and one lesson's cells with the learner's code.
 */
import { parse } from '../../notebook/parse';
import type { LessonEntry, Notebook } from '../../notebook/types';
import { applyEdits } from '../../storage/edit-record';
import { loadEdits } from '../../storage/edits';
import { readJournal } from '../../storage/journal';
import { lessonItems, runnableCells } from '../session/lesson-view';

export async function fetchLessons(): Promise<LessonEntry[]> {
  const response = await fetch(new URL('course.json', document.baseURI));
  if (!response.ok) throw new Error(`course.json: ${response.status} ${response.statusText}`);
  const course: unknown = await response.json();
  const lessons =
    typeof course === 'object' && course !== null && 'lessons' in course ? course.lessons : [];
  return Array.isArray(lessons) ? lessons.filter(isLessonEntry) : [];
}

function isLessonEntry(value: unknown): value is LessonEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const fm = entry.frontMatter as Record<string, unknown> | null | undefined;
  return typeof entry.slug === 'string' && typeof fm?.title === 'string';
}

export interface LessonCode {
  notebook: Notebook;
  /** Runnable cell id → shipped code. */
  originals: Record<string, string>;
  /** Runnable cell id → the code the learner has now (saved edit or shipped). */
  code: Record<string, string>;
}

/** A lesson as the learner would see it on opening it: shipped cells plus saved edits. */
export async function loadLessonCode(slug: string): Promise<LessonCode> {
  const response = await fetch(new URL(`notebooks/${slug}.md`, document.baseURI));
  if (!response.ok) throw new Error(`Lesson "${slug}" not found (${response.status})`);
  const notebook = parse(await response.text());
  const cells = runnableCells(lessonItems(notebook));
  const originals = Object.fromEntries(cells.map((cell) => [cell.id, cell.source]));
  const journal = readJournal(slug);
  const code = { ...applyEdits(cells, await loadEdits(slug)) };
  for (const [cellId, source] of Object.entries(journal))
    if (Object.hasOwn(code, cellId)) code[cellId] = source;
  return { notebook, originals, code };
}
