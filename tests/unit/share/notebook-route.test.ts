import { describe, expect, test } from 'vitest';
import { encodeEdits, decodeEdits } from '../../../src/notebook/edits-link';
import { lessonHref, notebookHref, parseRoute } from '../../../src/ui/session/route';

describe('#/notebook/<id>', () => {
  test('an imported notebook has a route of its own', () => {
    expect(parseRoute(notebookHref('a1B2_c-3'))).toEqual({ page: 'notebook', id: 'a1B2_c-3' });
  });

  test('ids with other characters are not found', () => {
    expect(parseRoute('#/notebook/').page).toBe('not-found');
    expect(parseRoute('#/notebook/../x').page).toBe('not-found');
    expect(parseRoute('#/notebook/a?b').page).toBe('not-found');
  });
});

describe('edits in a lesson link', () => {
  test('survive lessonHref and parseRoute unchanged, next to other flags', async () => {
    const changes = { model: 'const w = "é";\n// ok' };
    const edits = await encodeEdits(changes);
    const route = parseRoute(lessonHref('week1/gradient-descent', { backend: 'wasm', edits }));
    expect(route.page === 'lesson' && route.params.backend).toBe('wasm');
    expect(route.page === 'lesson' && (await decodeEdits(route.params.edits))).toEqual(changes);
  });
});
