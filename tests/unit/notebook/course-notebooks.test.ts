// The shipped course itself (notebooks/), read the way the build reads it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectCourse } from '../../../scripts/vite/content-plugin';

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
});
