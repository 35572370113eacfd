/**
 * The learner's edit of one cell, and the pure rules around it: when an edit is worth
 * storing, and how stored edits apply to a freshly loaded lesson.
 */
export interface EditRecord {
  slug: string;
  cellId: string;
  /** The learner's code. */
  source: string;
  /** The shipped code the learner started from, for the diff. */
  original: string;
  /** `Date.now()` at the last save. */
  savedAt: number;
}

/** Edits of one lesson keyed by cell id. */
export type LessonEdits = Record<string, EditRecord>;

export type EditPlan = { kind: 'delete' } | { kind: 'put'; record: EditRecord };

/** An edit that returns to the original is no edit: its record is deleted. */
export function planEdit(
  slug: string,
  cellId: string,
  source: string,
  original: string,
  now: number,
): EditPlan {
  if (source === original) return { kind: 'delete' };
  return { kind: 'put', record: { slug, cellId, source, original, savedAt: now } };
}

export interface EditableCell {
  id: string;
  /** The code as shipped in the lesson. */
  source: string;
}

/**
 * The code each cell starts with: the learner's saved edit when there is one, else the
 * shipped code. Edits of cells the lesson no longer has are ignored (kept in storage).
 * When the lesson changed since the edit was saved, the learner's code still wins: the
 * diff then compares it with the new shipped code.
 */
export function applyEdits(
  cells: readonly EditableCell[],
  edits: LessonEdits,
): Record<string, string> {
  const code: Record<string, string> = {};
  for (const cell of cells) code[cell.id] = edits[cell.id]?.source ?? cell.source;
  return code;
}
