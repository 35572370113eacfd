/**
 * The Cache Storage name for per-lesson files (image datasets, models): the service
 * worker's runtime route fills it when a lesson loads them, the Offline page when the
 * learner downloads a lesson. The route serves a cached file first and never revalidates
 * it, so the name carries a hash of those files' contents (vite.config.ts): a deploy that
 * changes a shipped model or dataset starts a new cache, and the old one is deleted.
 */
const LESSON_ASSETS_PREFIX = 'playgrad-lesson-assets-';

/** Set by the build (vite.config.ts `define`); absent where no build ran (Node tools). */
declare const __LESSON_ASSETS_VERSION__: string | undefined;

/** The cache name for per-lesson files of this content version. */
export function lessonAssetsCacheName(version: string): string {
  return LESSON_ASSETS_PREFIX + version;
}

export const LESSON_ASSETS_CACHE = lessonAssetsCacheName(
  typeof __LESSON_ASSETS_VERSION__ === 'string' ? __LESSON_ASSETS_VERSION__ : 'dev',
);

/**
 * Deletes the per-lesson caches of earlier versions (after a deploy changed the files), so an update
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
