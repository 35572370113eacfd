/**
 * The lesson page's teaching view: present mode on or off, code shown or hidden, and the
 * section to start at. Starts from the link's flags; the lesson page owns one.
 */
import { tick, untrack } from 'svelte';
import { lessonHref, type LessonParams } from '../session/route';
import { readTeachingFlags, withTeachingFlags } from './teaching-flags';

export class TeachingState {
  present = $state(false);
  codeHidden = $state(false);
  /** The section present mode shows, or the page scrolls to: a heading id. */
  section = $state<string | undefined>();

  constructor(params: LessonParams) {
    const flags = readTeachingFlags(params);
    this.present = flags.present;
    this.codeHidden = flags.codeHidden;
    this.section = flags.section;
  }

  /**
   * Keeps the address bar's link in step with present mode, the section and hidden code,
   * so reloading during a demo comes back to the same screen. Replaces the history entry
   * rather than adding one: Back still leaves the lesson. Call while the page initialises.
   */
  keepInAddress(slug: string, base: LessonParams): void {
    $effect(() => {
      const flags = { present: this.present, section: this.section, codeHidden: this.codeHidden };
      const href = lessonHref(slug, withTeachingFlags(base, flags));
      if (location.hash !== href) history.replaceState(history.state, '', href);
    });
  }

  /**
   * Follows the link when only its flags change (a present-mode link pasted into a tab that
   * has the lesson open: same page, no reload). Call while the page initialises.
   */
  followLink(params: () => LessonParams): void {
    let initial = true;
    $effect(() => {
      const flags = readTeachingFlags(params());
      // The constructor already applied the first link.
      if (initial) return void (initial = false);
      untrack(() => {
        this.present = flags.present;
        this.codeHidden = flags.codeHidden;
        this.section = flags.section;
        void this.scrollToSection();
      });
    });
  }

  enter(section: string | undefined): void {
    this.section = section;
    this.present = true;
  }

  /** Back to the page, at the section present mode was showing. */
  async exit(section: string | undefined): Promise<void> {
    this.section = section;
    this.present = false;
    await this.scrollToSection();
  }

  /** Scrolls the page to `section`'s heading, once the page has rendered it. */
  async scrollToSection(): Promise<void> {
    await tick();
    if (this.present || !this.section) return;
    const heading = document.getElementById(this.section);
    heading?.scrollIntoView({ block: 'start' });
  }
}

/**
 * The `##` section the reader is at on the page: the last heading above the middle of
 * the sticky bar's underside, i.e. what the reader sees at the top.
 */
export function sectionAtTop(
  root: ParentNode = document,
): { id: string; title: string } | undefined {
  const bar = document.querySelector('.sticky')?.getBoundingClientRect().bottom ?? 0;
  let found: { id: string; title: string } | undefined;
  for (const heading of root.querySelectorAll<HTMLElement>('.prose h2[id]')) {
    if (heading.getBoundingClientRect().top > bar + 80) break;
    found = { id: heading.id, title: heading.textContent?.trim() ?? heading.id };
  }
  return found;
}
