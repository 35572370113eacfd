import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from '../../../src/notebook/parse';
import { planRun } from '../../../src/ui/headless/plan';

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures/run', name), 'utf8');

describe('planRun', () => {
  test('substitutes solutions into exercises, skips the solution cells and python fences', () => {
    const plan = planRun(parse(fixture('outside.md')));
    expect(plan.map((p) => [p.index, p.cell.id, p.cell.role])).toEqual([
      [1, 'iris', 'code'],
      [2, 'mean', 'exercise'],
      [3, 'cell-4', 'solution'],
      [4, 'cell-5', 'check'],
    ]);
    expect(plan[1].code).toContain('reduce');
    expect(plan[1].code).not.toContain('TODO');
    expect(plan[2].code).toBeUndefined();
    expect(plan[3].code).toContain('Math.abs');
  });

  test('an exercise without a solution runs its own code', () => {
    const nb = parse(
      '---\ntitle: t\nweek: 1\norder: 1\n---\n\n```ts {id=ex exercise}\n1 + 1\n```\n',
    );
    expect(planRun(nb)[0].code).toBe('1 + 1');
  });
});

describe('planRun with hints', () => {
  test('hint cells are not part of the run', () => {
    const nb = parse(
      '---\ntitle: t\nweek: 1\norder: 1\n---\n\n```ts {id=ex exercise}\n1 + 1\n```\n\n' +
        '```md {hint for=ex}\nAdd them.\n```\n\n```ts {check for=ex}\ntrue\n```\n',
    );
    expect(planRun(nb).map((p) => [p.index, p.cell.id, p.cell.role])).toEqual([
      [1, 'ex', 'exercise'],
      [2, 'cell-2', 'check'],
    ]);
  });
});

describe('planRun with cleanup cells', () => {
  test('cleanup cells run last, after everything else, keeping their page index', () => {
    const nb = parse(
      '---\ntitle: t\nweek: 1\norder: 1\n---\n\n```ts {id=a}\n1\n```\n\n' +
        '```ts {id=free cleanup}\nfree()\n```\n\n```ts {id=b}\n2\n```\n',
    );
    expect(planRun(nb).map((p) => [p.index, p.cell.id, p.code])).toEqual([
      [1, 'a', '1'],
      [3, 'b', '2'],
      [2, 'free', 'free()'],
    ]);
  });
});
