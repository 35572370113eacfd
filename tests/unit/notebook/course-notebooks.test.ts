// The shipped course itself (notebooks/), read the way the build reads it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collectCourse } from '../../../scripts/vite/content-plugin';
import { parse } from '../../../src/notebook/parse';
import type { CodeCell } from '../../../src/notebook/types';

const repoRoot = path.resolve(__dirname, '../../..');

describe('the shipped course', () => {
  // Week 1 opens with a lesson 0 (how the notebooks work), so a week may start at 0.
  it('numbers the lessons of every week 1, 2, 3, … (or from 0) with no gap', async () => {
    const { course, errors } = await collectCourse(repoRoot);
    expect(errors).toEqual([]);
    const ordersByWeek = new Map<number, number[]>();
    for (const { frontMatter } of course.lessons) {
      const orders = ordersByWeek.get(frontMatter.week) ?? [];
      ordersByWeek.set(frontMatter.week, [...orders, frontMatter.order]);
    }
    expect(ordersByWeek.size).toBeGreaterThan(0);
    for (const [week, orders] of ordersByWeek) {
      const first = Math.min(...orders) === 0 ? 0 : 1;
      const expected = orders.map((_, i) => first + i);
      expect({ week, orders }).toEqual({ week, orders: expected });
    }
  });

  // Issue 11's bar for the ML lessons; add a lesson here once it meets it.
  const deepened = [
    'week1/gradient-descent',
    'week2/data-and-tensors',
    'week2/pca',
    'week3/classification',
    'week3/clustering',
    'week4/trees',
    'week5/mlp',
    'week5/cnn',
    'week6/sampling',
    'week6/tokens',
    'week7/embeddings',
    'week7/search',
    'week7/rag',
    'week7/rag-ii',
    'week8/attention',
    'week8/safety',
    'week9/titanic',
    'week9/churn',
    'week10/neighbours',
    'week11/explaining',
    'week12/mcp',
  ];
  it.each(deepened)('%s: three checked exercises, hints, solutions, a Python side', (slug) => {
    const text = readFileSync(path.join(repoRoot, 'notebooks', `${slug}.md`), 'utf8');
    const cells = parse(text).cells.filter((c): c is CodeCell => c.kind === 'code');
    const exercises = cells.filter((c) => c.role === 'exercise');
    expect(exercises.length).toBeGreaterThanOrEqual(3);
    for (const { id } of exercises) {
      const of = (role: string) => cells.filter((c) => c.role === role && c.for === id);
      const counts = { id, hints: of('hint').length, solutions: of('solution').length };
      expect(counts).toEqual({ id, hints: counts.hints, solutions: 1 });
      expect(counts.hints, `hints for ${id}`).toBeGreaterThanOrEqual(2);
      expect(of('check').length, `check for ${id}`).toBe(1);
    }
    expect(cells.some((c) => c.lang === 'python')).toBe(true);
  });

  // Issue 11: the table said "tfjs (WASM)" whatever backend the kernel had chosen.
  it('week5/cnn: the timing table names the backend tfjs really ran on', () => {
    const text = readFileSync(path.join(repoRoot, 'notebooks/week5/cnn.md'), 'utf8');
    const compare = parse(text).cells.find(
      (c): c is CodeCell => c.kind === 'code' && c.id === 'compare',
    );
    const rowLabels = [...(compare?.source ?? '').matchAll(/row\(([^,]+),/g)].map((m) => m[1]);
    expect(rowLabels).toHaveLength(2);
    // The tfjs row's label is computed from tf.getBackend(), never written out.
    expect(rowLabels[0]).not.toMatch(/^['"`]/);
    expect(compare?.source).toContain('tf.getBackend()');
  });
});
