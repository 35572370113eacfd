/**
 * What happens to a notebook file the learner drops or picks: read and check it (nothing
 * is stored if that fails), recognise a shipped lesson, and either load its code as the
 * learner's edits of that lesson or keep it as one of "Your notebooks".
 */
import type { CellChanges } from '../../notebook/edits-link';
import { exportMarkdown } from '../../notebook/export-lesson';
import { readImportFile, type ImportedNotebook, type NamedBlob } from '../../notebook/import-file';
import { matchLesson, planLessonImport } from '../../notebook/lesson-changes';
import type { LessonEntry } from '../../notebook/types';
import { saveEdit } from '../../storage/edits';
import { addNotebook, type StoredNotebook } from '../../storage/imports';
import { clearJournal } from '../../storage/journal';
import { fetchLessons, loadLessonCode } from './course-lessons';

/** The lesson page the import happens on, whose editors must show the new code. */
export interface OpenLesson {
  slug: string;
  code: () => Record<string, string>;
  apply: (changes: CellChanges) => void;
}

export type ImportPlan =
  | {
      kind: 'lesson';
      imported: ImportedNotebook;
      lesson: LessonEntry;
      changes: CellChanges;
      /** Code cells of the file that the lesson has no cell for (ignored). */
      unknown: string[];
      /** Shipped code per cell (to store edits against). */
      originals: Record<string, string>;
    }
  | { kind: 'notebook'; imported: ImportedNotebook };

/** Reads and checks the file and works out what importing it would do. Stores nothing. */
export async function planImport(file: NamedBlob, open?: OpenLesson): Promise<ImportPlan> {
  const imported = await readImportFile(file);
  let lessons: LessonEntry[] = [];
  try {
    lessons = await fetchLessons();
  } catch {
    // Without the course list no lesson is recognised: the file becomes a notebook.
  }
  const lesson = matchLesson(imported, lessons);
  if (!lesson) return { kind: 'notebook', imported };
  const shipped = await loadLessonCode(lesson.slug);
  const current = open?.slug === lesson.slug ? open.code() : shipped.code;
  const { changes, unknown } = planLessonImport(imported.notebook, current);
  return { kind: 'lesson', imported, lesson, changes, unknown, originals: shipped.originals };
}

/**
 * Saves the plan's code as the learner's edits of the lesson: through the open page when
 * it shows that lesson (so its editors update), else straight into the edits store.
 * Returns true when the page already shows the result.
 */
export async function applyLessonImport(
  plan: Extract<ImportPlan, { kind: 'lesson' }>,
  open?: OpenLesson,
): Promise<boolean> {
  const slug = plan.lesson.slug;
  if (open?.slug === slug) {
    open.apply(plan.changes);
    return true;
  }
  for (const [cellId, source] of Object.entries(plan.changes)) {
    await saveEdit(slug, cellId, source, plan.originals[cellId] ?? source);
    // An older journalled edit would win over the import on the next load.
    clearJournal(slug, cellId);
  }
  return false;
}

export function keepAsNotebook(imported: ImportedNotebook): Promise<StoredNotebook> {
  return addNotebook({
    title: imported.notebook.frontMatter.title,
    fileName: imported.fileName,
    text: exportMarkdown(imported.notebook, {}),
  });
}
