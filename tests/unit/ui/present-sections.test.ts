import { describe, expect, test } from 'vitest';
import { parse } from '../../../src/notebook/parse';
import { lessonItems } from '../../../src/ui/session/lesson-view';
import { sectionIndex, splitSections, type Section } from '../../../src/ui/present/sections';

const lesson = (body: string) =>
  lessonItems(parse(`---\ntitle: Descent\nweek: 1\norder: 1\n---\n${body}`));

/** Each section as `id: item, item…` with prose shown by its first line. */
function outline(sections: Section[]): string[] {
  return sections.map(
    (s) =>
      `${s.id}: ` +
      s.items
        .map((i) => (i.kind === 'markdown' ? i.cell.source.trim().split('\n')[0] : i.cell.id))
        .join(', '),
  );
}

describe('splitSections', () => {
  test('cuts at ## headings, inside a prose cell too; the title part comes first', () => {
    const sections = splitSections(
      lesson(
        [
          '\n# Gradient descent\n\nIntro.\n',
          '```ts {id=a}\n1\n```\n',
          '\n## The data\n\nSome data.\n',
          '```ts {id=b}\n2\n```\n',
          '\nMore about it.\n\n### A detail\n\nStill the data.\n\n## The model\n\nA line.\n',
          '```ts {id=c}\n3\n```\n',
        ].join(''),
      ),
      'Descent',
    );
    expect(outline(sections)).toEqual([
      'gradient-descent: # Gradient descent, a',
      'the-data: ## The data, b, More about it.',
      'the-model: ## The model, c',
    ]);
    expect(sections.map((s) => s.title)).toEqual(['Descent', 'The data', 'The model']);
  });

  test('gives repeated headings the numbered ids the renderer gives them', () => {
    const sections = splitSections(lesson('\n## Try it\n\nx\n\n## Try it\n\ny\n'), 'T');
    expect(sections.map((s) => s.id)).toEqual(['start', 'try-it', 'try-it-1']);
  });

  test('a ## inside a list is not a cut; exercises keep their hints', () => {
    const sections = splitSections(
      lesson(
        '\nIntro.\n\n- item\n\n  ## not a section\n\n## Exercise\n\n' +
          '```ts {id=ex exercise}\n0\n```\n\n```md {hint for=ex}\nThink.\n```\n',
      ),
      'T',
    );
    expect(outline(sections)).toEqual(['start: Intro.', 'exercise: ## Exercise, ex']);
    expect(sections[1].items[1]).toMatchObject({ hints: [{ source: 'Think.' }] });
  });
});

describe('sectionIndex', () => {
  const sections = splitSections(lesson('\n## One\n\n## Two\n'), 'T');
  test('finds a section by id; falls back to the first for unknown or no id', () => {
    expect(sectionIndex(sections, 'two')).toBe(2);
    expect(sectionIndex(sections, 'nope')).toBe(0);
    expect(sectionIndex(sections, undefined)).toBe(0);
  });
});
