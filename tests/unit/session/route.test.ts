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
    expect(parseRoute(lessonHref('week2/attention'))).toEqual({
      page: 'lesson',
      slug: 'week2/attention',
      params: {},
    });
    // An escaped letter is still the same lesson.
    expect(parseRoute('#/lesson/week1/gradient%2Ddescent')).toMatchObject({
      slug: 'week1/gradient-descent',
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

  test('an escaped / cannot smuggle a path out of notebooks/', () => {
    for (const hash of [
      '#/lesson/week1%2F..%2F..%2Findex',
      '#/lesson/..%2Fdatasets%2Fcatalog',
      '#/lesson/week1/%2E%2E/secret',
      '#/lesson/week1/x%5C..%5Cy',
      '#/lesson/week1/gradient-descent.md',
      '#/lesson/week1//gradient-descent',
      '#/lesson/Week1/Gradient-Descent',
    ]) {
      expect(parseRoute(hash), hash).toEqual({ page: 'not-found', hash });
    }
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
