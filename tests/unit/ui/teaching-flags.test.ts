import { describe, expect, test } from 'vitest';
import { parseRoute } from '../../../src/ui/session/route';
import {
  readTeachingFlags,
  teachingLink,
  withTeachingFlags,
} from '../../../src/ui/present/teaching-flags';

describe('readTeachingFlags', () => {
  test('reads view, section and code from a lesson link', () => {
    const route = parseRoute('#/lesson/week1/gd?view=present&section=the-data&code=hidden');
    expect(route.page === 'lesson' && readTeachingFlags(route.params)).toEqual({
      present: true,
      section: 'the-data',
      codeHidden: true,
    });
  });

  test('anything else means the ordinary page', () => {
    expect(readTeachingFlags({ view: 'slides', code: 'shown', section: '' })).toEqual({
      present: false,
      section: undefined,
      codeHidden: false,
    });
  });
});

describe('teachingLink', () => {
  test('builds a link that reads back as the same flags, keeping other params', () => {
    const flags = { present: true, section: 'the-gradient', codeHidden: true };
    const link = teachingLink(
      'https://school.example/ml/index.html#/lesson/week1/gd?backend=wasm&view=present',
      'week1/gradient-descent',
      { backend: 'wasm', view: 'present' },
      flags,
    );
    expect(link).toBe(
      'https://school.example/ml/index.html#/lesson/week1/gradient-descent' +
        '?backend=wasm&view=present&section=the-gradient&code=hidden',
    );
    const route = parseRoute(new URL(link).hash);
    expect(route).toMatchObject({ page: 'lesson', slug: 'week1/gradient-descent' });
    expect(route.page === 'lesson' && readTeachingFlags(route.params)).toEqual(flags);
  });

  test('unset flags are dropped from the link', () => {
    const params = withTeachingFlags(
      { view: 'present', code: 'hidden', section: 'x' },
      { present: false, section: undefined, codeHidden: false },
    );
    expect(params).toEqual({});
  });
});
