import { describe, expect, test } from 'vitest';
import {
  standing,
  summarize,
  withRevealed,
  withSolved,
  withVisit,
} from '../../../src/storage/progress-record';

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
      withSolution: 0,
      total: 3,
      text: '2 of 3 exercises solved',
    });
  });

  test('an unvisited lesson: nothing solved, not visited', () => {
    expect(summarize(['a'], undefined)).toEqual({
      visited: false,
      solved: 0,
      withSolution: 0,
      total: 1,
      text: '0 of 1 exercise solved',
    });
  });

  test('a lesson without exercises has no exercise text', () => {
    expect(summarize([], { slug: 's', visitedAt: 1, solved: [] }).text).toBeUndefined();
  });
});

describe('revealed solutions', () => {
  test('solved after revealing counts as "with the solution", not as solved', () => {
    let record = withRevealed(undefined, 's', 'a', 1);
    record = withSolved(record, 's', 'a', 2);
    record = withSolved(record, 's', 'b', 3);
    expect(standing(record, 'a')).toBe('revealed');
    expect(standing(record, 'b')).toBe('solved');
    expect(standing(record, 'c')).toBe('open');
    expect(summarize(['a', 'b', 'c'], record)).toMatchObject({
      solved: 1,
      withSolution: 1,
      text: '1 of 3 exercises solved, 1 with the solution',
    });
  });

  test('revealing after solving alone keeps the credit; a visit keeps what was revealed', () => {
    let record = withSolved(undefined, 's', 'a', 1);
    record = withRevealed(record, 's', 'a', 2);
    expect(standing(record, 'a')).toBe('solved');
    const revealed = withVisit(withRevealed(undefined, 's', 'b', 1), 's', 5);
    expect(revealed.revealed).toEqual(['b']);
    expect(summarize(['a'], record).text).toBe('1 of 1 exercise solved');
  });
});
