/**
 * The Cache Storage name for per-lesson files (image datasets, models): the service
 * worker's runtime route fills it when a lesson loads them, the Offline page when the
 * learner downloads a lesson. Bump the version when a shipped asset changes: the route
 * serves a cached file first and never revalidates it.
 */
export const LESSON_ASSETS_CACHE = 'playgrad-lesson-assets-v1';
