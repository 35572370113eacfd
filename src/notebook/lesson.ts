/**
 * The model of a lesson, built once from its cells: each exercise with its solution,
 * hints and check, the cleanup cells, and the cells a run executes, in page order.
 *
 * Every caller reads this one object — the parser's checks, the course index, the lesson
 * page, the headless runner's plan and progress — so "which check grades which exercise"
 * or "what Run all runs" has exactly one answer.
 */
import type { Cell, CodeCell } from './types';
import { RUNNABLE_LANGS } from './types';

export interface Exercise {
  id: string;
  /** The cell the learner completes. */
  cell: CodeCell;
  /** The hidden solution (`solution for=<id>`), if the author wrote one. */
  solution?: CodeCell;
  /** Hints in the order written (`md {hint for=<id>}`). */
  hints: CodeCell[];
  /** The cell that grades it (`check for=<id>`), if any. */
  check?: CodeCell;
}

export interface Lesson {
  exercises: Exercise[];
  /**
   * Cells that run (code, exercises, checks, cleanup), in page order: never solutions,
   * hints or fences in other languages.
   */
  runnable: CodeCell[];
  /** Ids of the cells marked `cleanup`: Run all skips them; `playgrad run` runs them last. */
  cleanup: ReadonlySet<string>;
  /** An exercise by its id. */
  exercise(id: string): Exercise | undefined;
  /** The exercise a check, solution or hint cell belongs to. */
  exerciseOf(cell: CodeCell): Exercise | undefined;
  /** Cells whose `for` names no exercise, or that repeat an exercise's solution or check. */
  problems: LessonProblem[];
}

export interface LessonProblem {
  cell: CodeCell;
  message: string;
}

/** The attribute that marks a cell freeing what the lesson made (```` ```ts {cleanup} ````). */
export const CLEANUP_FLAG = 'cleanup';

export function isCleanup(cell: CodeCell): boolean {
  return cell.attrs[CLEANUP_FLAG] === true;
}

/** A cell the kernel runs: TS/JS, and neither a solution nor shown-only code. */
export function runsInKernel(cell: CodeCell): boolean {
  const runnableLang = (RUNNABLE_LANGS as readonly string[]).includes(cell.lang);
  return runnableLang && cell.role !== 'static' && cell.role !== 'solution';
}

export function lessonModel(cells: readonly Cell[]): Lesson {
  const code = cells.filter((cell): cell is CodeCell => cell.kind === 'code');
  const byId = new Map<string, Exercise>();
  for (const cell of code) {
    if (cell.role === 'exercise') byId.set(cell.id, { id: cell.id, cell, hints: [] });
  }
  const problems: LessonProblem[] = [];
  for (const cell of code) {
    if (cell.for === undefined) continue;
    const exercise = byId.get(cell.for);
    if (!exercise) {
      const message = `"${cell.role}" cell is for "${cell.for}", but no exercise cell has that id`;
      problems.push({ cell, message });
    } else if (cell.role === 'hint') {
      exercise.hints.push(cell);
    } else if (cell.role === 'solution' || cell.role === 'check') {
      if (exercise[cell.role]) {
        const message = `exercise "${cell.for}" already has a ${cell.role} cell: write one per exercise`;
        problems.push({ cell, message });
      } else {
        exercise[cell.role] = cell;
      }
    }
  }
  const exercises = [...byId.values()];
  return {
    exercises,
    runnable: code.filter(runsInKernel),
    cleanup: new Set(code.filter(isCleanup).map((cell) => cell.id)),
    exercise: (id) => byId.get(id),
    exerciseOf: (cell) => (cell.for === undefined ? undefined : byId.get(cell.for)),
    problems,
  };
}
