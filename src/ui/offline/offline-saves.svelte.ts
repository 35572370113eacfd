/**
 * The browser side of "offline that tells the truth" (lesson-offline.ts has the rules):
 * the open lesson's save state, shared by SaveForOffline (which starts the save) and
 * OfflineStatus (the facts line that shows it), and the index's per-lesson check.
 */
import type { LessonAsset, LessonEntry } from '../../notebook/types';
import { LESSON_ASSETS_CACHE } from './lesson-assets-cache';
import type { AssetCache } from './lesson-downloads';
import { isReadyOffline, saveLessonOffline, type OfflineSave } from './lesson-offline';
import { appIsStored, whenAppStored } from './service-worker.svelte';

export const offlineSaves = $state<{
  /** The lesson whose page is open (its facts line shows its state). */
  open: string | undefined;
  bySlug: Record<string, OfflineSave>;
}>({ open: undefined, bySlug: {} });

/** Saves under way, so a lesson opened twice (or retried) downloads once. */
const running = new Map<string, Promise<OfflineSave>>();

/** The lesson-assets cache, read without creating it (caches.open would add an empty one). */
function assetCache(): AssetCache {
  return {
    match: (request) => caches.match(request, { cacheName: LESSON_ASSETS_CACHE }),
    put: async (request, response) =>
      (await caches.open(LESSON_ASSETS_CACHE)).put(request, response),
  };
}

/** The per-lesson files `slug` declares, from course.json (precached, so cheap). */
async function declaredAssets(slug: string): Promise<LessonAsset[]> {
  const response = await fetch(new URL('course.json', document.baseURI));
  if (!response.ok) throw new Error(`course.json: ${response.status} ${response.statusText}`);
  const course = (await response.json()) as { lessons?: LessonEntry[] };
  return course.lessons?.find((lesson) => lesson.slug === slug)?.assets ?? [];
}

/** Stores what `slug` needs offline (unless a save of it is under way). */
export function saveForOffline(slug: string): Promise<OfflineSave> {
  const underWay = running.get(slug);
  if (underWay) return underWay;
  const save = saveLessonOffline({
    assets: () => declaredAssets(slug),
    app: { isStored: appIsStored, stored: whenAppStored },
    cache: assetCache(),
    baseUrl: document.baseURI,
    online: () => navigator.onLine,
    onchange: (state) => (offlineSaves.bySlug[slug] = state),
  }).finally(() => running.delete(slug));
  running.set(slug, save);
  return save;
}

/** Whether a lesson of the index works offline now (false where the browser cannot tell). */
export async function readyOffline(lesson: LessonEntry): Promise<boolean> {
  if (!globalThis.caches) return false;
  try {
    return await isReadyOffline(lesson.assets ?? [], {
      appStored: await appIsStored(),
      cache: assetCache(),
      baseUrl: document.baseURI,
    });
  } catch {
    return false;
  }
}
