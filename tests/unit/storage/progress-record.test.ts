import { describe, expect, test } from 'vitest';
import { summarize, withSolved, withVisit } from '../../../src/storage/progress-record';

describe('withVisit', () => {
  test('a first visit makes a record with nothing solved', () => {
    expect(withVisit(undefined, 'w1/gd', 5)).toEqual({ slug: 'w1/gd', visitedAt: 5, solved: [] });
  });

  test('a later visit keeps what was solved', () => {
    const earlier = { slug: 'w1/gd', visitedAt: 5, solved: ['grad'] };
    expect(withVisit(earlier, 'w1/gd', 9)).toEqual({
      slug: 'w1/gd',
      visitedAt: 9,
      solved: ['grad'],
    });
  });
});

describe('withSolved', () => {
  test('adds an exercise once, in the order solved', () => {
    let record = withSolved(undefined, 's', 'b', 1);
    record = withSolved(record, 's', 'a', 2);
    record = withSolved(record, 's', 'b', 3);
    expect(record).toEqual({ slug: 's', visitedAt: 1, solved: ['b', 'a'] });
  });

  test('keeps the visit time of an existing record', () => {
    expect(withSolved({ slug: 's', visitedAt: 7, solved: [] }, 's', 'a', 10).visitedAt).toBe(7);
  });
});

describe('summarize', () => {
  test('counts solved exercises the lesson still has', () => {
    const record = { slug: 's', visitedAt: 1, solved: ['a', 'gone', 'c'] };
    expect(summarize(['a', 'b', 'c'], record)).toEqual({
      visited: true,
      solved: 2,
      total: 3,
      text: '2 of 3 exercises solved',
    });
  });

  test('an unvisited lesson: nothing solved, not visited', () => {
    expect(summarize(['a'], undefined)).toEqual({
      visited: false,
      solved: 0,
      total: 1,
      text: '0 of 1 exercise solved',
    });
  });

  test('a lesson without exercises has no exercise text', () => {
    expect(summarize([], { slug: 's', visitedAt: 1, solved: [] }).text).toBeUndefined();
  });
});
