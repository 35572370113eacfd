import { expect, test } from 'vitest';
import {
  LESSON_ASSETS_CACHE,
  deleteOldLessonAssetCaches,
} from '../../../src/ui/offline/lesson-assets-cache';

test('deleteOldLessonAssetCaches removes earlier versions only', async () => {
  const names = new Set([
    'playgrad-lesson-assets-v0',
    LESSON_ASSETS_CACHE,
    'playgrad-precache-v2-http://x/',
    'transformers-cache',
  ]);
  const storage = {
    keys: async () => [...names],
    delete: async (name: string) => names.delete(name),
  };
  expect(await deleteOldLessonAssetCaches(storage)).toEqual(['playgrad-lesson-assets-v0']);
  expect([...names]).toEqual([
    LESSON_ASSETS_CACHE,
    'playgrad-precache-v2-http://x/',
    'transformers-cache',
  ]);
});
