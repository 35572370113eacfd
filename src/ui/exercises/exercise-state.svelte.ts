/**
 * What the learner did with the lesson's exercises: solutions revealed, hints shown, and
 * exercises solved. Kept by the lesson page (not by the components showing it), so it
 * survives switching between the page and present mode. Solved exercises and revealed
 * solutions are remembered in IndexedDB for the course index: an exercise solved after
 * its solution was revealed counts as "solved with the solution", not as solved.
 */
import type { Lesson } from '../../notebook/lesson';
import { recordRevealed, recordSolved, recordVisit } from '../../storage/progress';
import {
  standing,
  type ExerciseStanding,
  type LessonProgress,
} from '../../storage/progress-record';
import type { NotebookSession } from '../session/session.svelte';
import { isSolved } from './verdict';

interface Options {
  slug: string;
  session: NotebookSession;
  lesson: () => Lesson | undefined;
  /** Storage failures are shown, not thrown: the learner's work is still on the page. */
  onerror: (error: unknown) => void;
}

export class ExerciseState {
  revealed = $state<Record<string, boolean>>({});
  /** How many hints of each exercise are showing. */
  hintsShown = $state<Record<string, number>>({});
  /** Exercises solved, in this visit or an earlier one, and how. */
  solved = $state<Record<string, Exclude<ExerciseStanding, 'open'>>>({});

  readonly #options: Options;

  /** Must be created while a component initialises: it watches the session's runs. */
  constructor(options: Options) {
    this.#options = options;
    $effect(() => {
      for (const { id, check } of options.lesson()?.exercises ?? []) {
        const runs = options.session.cells;
        if (!check || this.solved[id] || !isSolved(runs[id], runs[check.id])) continue;
        this.solved[id] = this.revealed[id] ? 'revealed' : 'solved';
        recordSolved(options.slug, id).catch(options.onerror);
      }
    });
  }

  /** The lesson opened: the course index marks it visited; earlier solves show again. */
  visit(): void {
    recordVisit(this.#options.slug).then((record) => this.#restore(record), this.#options.onerror);
  }

  #restore(record: LessonProgress): void {
    for (const id of record.revealed ?? []) this.revealed[id] = true;
    for (const id of record.solved) {
      const how = standing(record, id);
      if (how !== 'open') this.solved[id] = how;
    }
  }

  showHint(exerciseId: string, total: number): void {
    this.hintsShown[exerciseId] = Math.min(total, (this.hintsShown[exerciseId] ?? 0) + 1);
  }

  reveal(exerciseId: string): void {
    if (!confirm('Reveal the solution? Trying the exercise first is how it sticks.')) return;
    this.revealed[exerciseId] = true;
    if (!this.solved[exerciseId]) {
      recordRevealed(this.#options.slug, exerciseId).catch(this.#options.onerror);
    }
  }
}
