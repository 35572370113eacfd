import { describe, expect, test } from 'vitest';
import { chosenBackend, lessonHref, parseRoute } from '../../../src/ui/session/route';

describe('parseRoute', () => {
  test('the empty hash and #/ are the course index', () => {
    expect(parseRoute('')).toEqual({ page: 'index' });
    expect(parseRoute('#/')).toEqual({ page: 'index' });
  });

  test('a lesson route keeps the folder in the slug', () => {
    expect(parseRoute('#/lesson/week1/gradient-descent')).toEqual({
      page: 'lesson',
      slug: 'week1/gradient-descent',
      params: {},
    });
    expect(parseRoute(lessonHref('week 2/attention'))).toEqual({
      page: 'lesson',
      slug: 'week 2/attention',
      params: {},
    });
  });

  test('flags after ? in the hash become params, and lessonHref writes them back', () => {
    const href = lessonHref('week1/pca', { backend: 'wasm', section: 'power iteration' });
    expect(parseRoute(href)).toEqual({
      page: 'lesson',
      slug: 'week1/pca',
      params: { backend: 'wasm', section: 'power iteration' },
    });
  });

  test('rejects unknown pages and slugs that would leave notebooks/', () => {
    expect(parseRoute('#/settings')).toEqual({ page: 'not-found', hash: '#/settings' });
    expect(parseRoute('#/lesson/../secret').page).toBe('not-found');
    expect(parseRoute('#/lesson/').page).toBe('not-found');
    expect(parseRoute('#/lesson/%E0%A4%A').page).toBe('not-found');
  });
});

describe('chosenBackend', () => {
  test('accepts a known backend and falls back to auto', () => {
    expect(chosenBackend('?backend=wasm')).toBe('wasm');
    expect(chosenBackend('?backend=tpu')).toBe('auto');
    expect(chosenBackend('')).toBe('auto');
  });

  test("the lesson link's flag wins over the page's query", () => {
    expect(chosenBackend('?backend=cpu', { backend: 'wasm' })).toBe('wasm');
  });
});
