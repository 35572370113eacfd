/**
 * A lesson cut into the screens of present mode: a new section starts at every `##`
 * heading of the prose. The first section is everything before the first `##` (the
 * title, the introduction). Headings are found with the same markdown-it instance that
 * renders the page, so a section's id is exactly the id its heading has on the page,
 * and a `## ` inside a code example or HTML block starts nothing.
 */
import { markdown } from '../markdown/markdown';
import type { LessonItem } from '../session/lesson-view';

export interface Section {
  /** The id of the section's `##` heading; for the first section, the `#` title's id or 'start'. */
  id: string;
  /** The heading's text (the lesson title for the first section). */
  title: string;
  items: LessonItem[];
}

interface Heading {
  level: number;
  id: string;
  title: string;
  /** 0-based line in the prose cell where the heading starts. */
  line: number;
}

function headingsOf(source: string, env: Record<string, unknown>): Heading[] {
  const tokens = markdown.parse(source, env);
  const headings: Heading[] = [];
  tokens.forEach((token, index) => {
    // Only top-level headings: a `##` in a list or quote does not start a screen.
    if (token.type !== 'heading_open' || token.level !== 0 || !token.map) return;
    headings.push({
      level: Number(token.tag.slice(1)),
      id: String(token.attrGet('id') ?? 'section'),
      title: tokens[index + 1]?.content ?? '',
      line: token.map[0],
    });
  });
  return headings;
}

export function splitSections(items: readonly LessonItem[], lessonTitle: string): Section[] {
  const first: Section = { id: 'start', title: lessonTitle, items: [] };
  const sections: Section[] = [first];
  // One env for the whole lesson: a repeated heading gets a numbered id (`…-1`).
  const env: Record<string, unknown> = {};
  const add = (item: LessonItem): void => void sections[sections.length - 1].items.push(item);

  for (const item of items) {
    if (item.kind !== 'markdown') {
      add(item);
      continue;
    }
    const lines = item.cell.source.split('\n');
    const headings = headingsOf(item.cell.source, env);
    const title = headings.find((h) => h.level === 1);
    if (title && sections.length === 1 && first.id === 'start') first.id = title.id;

    const cuts = headings.filter((h) => h.level === 2);
    let from = 0;
    const addSlice = (to: number): void => {
      const source = lines.slice(from, to).join('\n');
      if (source.trim() !== '') add({ kind: 'markdown', cell: { ...item.cell, source } });
    };
    for (const cut of cuts) {
      addSlice(cut.line);
      sections.push({ id: cut.id, title: cut.title, items: [] });
      from = cut.line;
    }
    addSlice(lines.length);
  }
  return sections;
}

/** The index of the section with `id`, or 0 when there is none (an old or mistyped link). */
export function sectionIndex(sections: readonly Section[], id: string | undefined): number {
  const index = id === undefined ? -1 : sections.findIndex((section) => section.id === id);
  return Math.max(0, index);
}
