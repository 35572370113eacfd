/**
 * The Cache Storage name for per-lesson files (image datasets, models): the service
 * worker's runtime route fills it when a lesson loads them, the Offline page when the
 * learner downloads a lesson. Bump the version when a shipped asset changes: the route
 * serves a cached file first and never revalidates it.
 */
export const LESSON_ASSETS_CACHE = 'playgrad-lesson-assets-v1';

const LESSON_ASSETS_PREFIX = 'playgrad-lesson-assets-';

/**
 * Deletes the per-lesson caches of earlier versions (after a bump above), so an update
 * does not leave the old files taking up the learner's quota. Returns the names deleted.
 */
export async function deleteOldLessonAssetCaches(
  storage: Pick<CacheStorage, 'keys' | 'delete'>,
): Promise<string[]> {
  const old = (await storage.keys()).filter(
    (name) => name.startsWith(LESSON_ASSETS_PREFIX) && name !== LESSON_ASSETS_CACHE,
  );
  await Promise.all(old.map((name) => storage.delete(name)));
  return old;
}
