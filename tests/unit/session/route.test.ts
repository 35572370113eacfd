import { describe, expect, test } from 'vitest';
import { backendFromSearch, lessonHref, parseRoute } from '../../../src/ui/session/route';

describe('parseRoute', () => {
  test('the empty hash and #/ are the course index', () => {
    expect(parseRoute('')).toEqual({ page: 'index' });
    expect(parseRoute('#/')).toEqual({ page: 'index' });
  });

  test('a lesson route keeps the folder in the slug', () => {
    expect(parseRoute('#/lesson/week1/gradient-descent')).toEqual({
      page: 'lesson',
      slug: 'week1/gradient-descent',
    });
    expect(parseRoute(lessonHref('week 2/attention'))).toEqual({
      page: 'lesson',
      slug: 'week 2/attention',
    });
  });

  test('rejects unknown pages and slugs that would leave notebooks/', () => {
    expect(parseRoute('#/settings')).toEqual({ page: 'not-found', hash: '#/settings' });
    expect(parseRoute('#/lesson/../secret').page).toBe('not-found');
    expect(parseRoute('#/lesson/').page).toBe('not-found');
    expect(parseRoute('#/lesson/%E0%A4%A').page).toBe('not-found');
  });
});

describe('backendFromSearch', () => {
  test('accepts a known backend and falls back to auto', () => {
    expect(backendFromSearch('?backend=wasm')).toBe('wasm');
    expect(backendFromSearch('?backend=tpu')).toBe('auto');
    expect(backendFromSearch('')).toBe('auto');
  });
});
