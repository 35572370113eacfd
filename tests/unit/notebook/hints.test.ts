import { describe, expect, it } from 'vitest';
import { fromIpynb, toIpynb } from '../../../src/notebook/ipynb';
import { parse } from '../../../src/notebook/parse';
import { serialize } from '../../../src/notebook/serialize';
import { NotebookError, type CodeCell } from '../../../src/notebook/types';
import { readFixture } from './fixtures';

const doc = (body: string): string => `---\ntitle: T\nweek: 1\norder: 0\n---\n${body}`;
const EXERCISE = '```ts {id=a exercise}\nlet x = 0;\n```\n';

function parseError(text: string): NotebookError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof NotebookError) return error;
    throw error;
  }
  throw new Error('expected a NotebookError');
}

describe('hint cells', () => {
  const nb = parse(readFixture('hints.md'));
  const hints = nb.cells.filter((c): c is CodeCell => c.kind === 'code' && c.role === 'hint');

  it('parses ```md {hint for=…} fences as hints of that exercise, in file order', () => {
    expect(hints.map((h) => [h.lang, h.for, h.source.split('\n')[0]])).toEqual([
      ['md', 'sq', 'Multiplying a number by itself gives its square.'],
      ['markdown', 'sq', 'In TypeScript: `3 * 3`, or `3 ** 2`:'],
      ['md', 'sq', 'Still stuck? Reveal the solution below.'],
    ]);
    // A hint may hold a fenced example: the longer outer fence keeps it inside.
    expect(hints[1].source).toContain('```ts\nconst nine = 3 ** 2;\n```');
    expect(hints[1].fence).toBe('````');
    expect(nb.warnings).toEqual([]);
  });

  it('numbers hints apart, so adding one renames no other cell', () => {
    expect(hints.map((h) => h.id)).toEqual(['hint-1', 'hint-2', 'hint-3']);
    const others = nb.cells.filter((c) => c.kind === 'code' && c.role !== 'hint');
    expect(others.map((c) => c.id)).toEqual(['sq', 'cell-2', 'cell-3']);
  });

  it('round-trips byte for byte, odd spacing included', () => {
    expect(serialize(parse(readFixture('hints.md')))).toBe(readFixture('hints.md'));
    expect(hints[2].info).toBe('md   {hint  for=sq}');
  });

  it('writes a hint the app made with the canonical info string', () => {
    const made: CodeCell = {
      kind: 'code',
      id: 'hint-1',
      lang: 'md',
      role: 'hint',
      for: 'a',
      attrs: {},
      source: 'Try **0**.',
      fence: '```',
    };
    const text = serialize({
      ...parse(doc(EXERCISE)),
      cells: [...parse(doc(EXERCISE)).cells, made],
    });
    expect(text).toContain('```md {hint for=a}\nTry **0**.\n```\n');
    expect(parse(text).cells.at(-1)).toMatchObject({
      role: 'hint',
      for: 'a',
      source: 'Try **0**.',
    });
  });

  it('needs for=, an existing exercise, and a Markdown fence', () => {
    expect(parseError(doc('```md {hint}\nx\n```\n')).message).toBe(
      'a "hint" cell needs for=<id of its exercise> (line 6)',
    );
    expect(parseError(doc(`${EXERCISE}\n\`\`\`md {hint for=b}\nx\n\`\`\`\n`)).message).toBe(
      '"hint" cell is for "b", but no exercise cell has that id (line 10)',
    );
    const wrongLang = parseError(doc(`${EXERCISE}\n\`\`\`ts {hint for=a}\nx\n\`\`\`\n`));
    expect(wrongLang.message).toMatch(/a hint is Markdown for the learner/);
    expect(wrongLang.field).toBe('hint');
    expect(parseError(doc('```md {id=a exercise hint for=a}\nx\n```\n')).message).toBe(
      'a cell cannot be both "exercise" and "hint" (line 6)',
    );
  });

  it('exports hints as Markdown cells folded in <details>, and imports them back', () => {
    const json = toIpynb(nb);
    const exported = json.cells.filter((c) => c.metadata.playgrad?.role === 'hint');
    expect(exported.map((c) => c.cell_type)).toEqual(['markdown', 'markdown', 'markdown']);
    expect(exported[0].source.join('')).toBe(
      '<details>\n<summary>Hint</summary>\n\nMultiplying a number by itself gives its square.\n\n</details>',
    );
    expect(exported[0].outputs).toBeUndefined();
    const back = fromIpynb(JSON.parse(JSON.stringify(json)));
    expect(back.notebook).toStrictEqual(nb);
    expect(serialize(back.notebook)).toBe(readFixture('hints.md'));
  });
});
