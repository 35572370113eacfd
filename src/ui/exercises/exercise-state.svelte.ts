/**
 * What the learner did with the lesson's exercises: solutions revealed, hints shown, and
 * exercises solved. Kept by the lesson page (not by the components showing it), so it
 * survives switching between the page and present mode. A solved exercise is remembered
 * in IndexedDB for the course index.
 */
import { recordSolved, recordVisit } from '../../storage/progress';
import type { LessonItem } from '../session/lesson-view';
import type { NotebookSession } from '../session/session.svelte';
import { isSolved } from './verdict';

interface Options {
  slug: string;
  session: NotebookSession;
  items: () => readonly LessonItem[];
  /** Storage failures are shown, not thrown: the learner's work is still on the page. */
  onerror: (error: unknown) => void;
}

export class ExerciseState {
  revealed = $state<Record<string, boolean>>({});
  /** How many hints of each exercise are showing. */
  hintsShown = $state<Record<string, number>>({});
  /** Exercises solved, in this visit or an earlier one. */
  solved = $state<Record<string, boolean>>({});

  readonly #options: Options;

  /** Must be created while a component initialises: it watches the session's runs. */
  constructor(options: Options) {
    this.#options = options;
    $effect(() => {
      for (const { exercise, check } of this.#pairs()) {
        const runs = options.session.cells;
        if (this.solved[exercise] || !isSolved(runs[exercise], runs[check])) continue;
        this.solved[exercise] = true;
        recordSolved(options.slug, exercise).catch(options.onerror);
      }
    });
  }

  /** Each check cell with the exercise it checks. */
  #pairs(): { exercise: string; check: string }[] {
    return this.#options
      .items()
      .flatMap((item) =>
        item.kind === 'code' && item.cell.role === 'check' && item.cell.for
          ? [{ exercise: item.cell.for, check: item.cell.id }]
          : [],
      );
  }

  /** The lesson opened: the course index marks it visited; earlier solves show again. */
  visit(): void {
    recordVisit(this.#options.slug).then((record) => {
      for (const id of record.solved) this.solved[id] = true;
    }, this.#options.onerror);
  }

  showHint(exerciseId: string, total: number): void {
    this.hintsShown[exerciseId] = Math.min(total, (this.hintsShown[exerciseId] ?? 0) + 1);
  }

  reveal(exerciseId: string): void {
    if (confirm('Reveal the solution? Trying the exercise first is how it sticks.')) {
      this.revealed[exerciseId] = true;
    }
  }
}
