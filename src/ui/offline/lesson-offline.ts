/**
 * Whether a lesson works offline, and storing it so it does. A lesson is ready offline when
 * the app is precached (a service worker is active: Workbox activates one only after its
 * whole precache was stored) and every per-lesson file it declares (course.json `assets`)
 * is in the lesson-assets cache. Opening a lesson online stores what is missing, with the
 * Offline page's byte-checked downloads (lesson-downloads.ts): nothing truncated is kept.
 */
import type { LessonAsset } from '../../notebook/types';
import {
  downloadAssets,
  downloadErrorMessage,
  missingAssets,
  type AssetCache,
} from './lesson-downloads';

/** What the lesson's facts line says about it. */
export type OfflineSave =
  { state: 'saving' } | { state: 'ready' } | { state: 'not-saved'; reason: string };

/** The reason shown while offline with files missing: nothing can be stored now. */
export const OFFLINE_REASON = 'you are offline (open this lesson online to save it)';

export interface SaveLessonOptions {
  /** The files the lesson declares; rejects with a reason when they cannot be known. */
  assets: () => Promise<LessonAsset[]>;
  /** The app's precache: stored now (a service worker is active), or when it will be. */
  app: {
    isStored: () => Promise<boolean>;
    /** Resolves once stored; rejects with the reason it will not be. */
    stored: () => Promise<unknown>;
  };
  cache: AssetCache;
  baseUrl: string;
  online: () => boolean;
  fetch?: (request: Request) => Promise<Response>;
  /** Told of every change, so the page can show "Saving for offline…". */
  onchange: (save: OfflineSave) => void;
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Stores what the lesson still lacks for offline use; resolves with the final state. */
export async function saveLessonOffline(options: SaveLessonOptions): Promise<OfflineSave> {
  const finish = (save: OfflineSave): OfflineSave => {
    options.onchange(save);
    return save;
  };
  try {
    if (!(await options.app.isStored())) {
      options.onchange({ state: 'saving' });
      await options.app.stored();
    }
  } catch (error) {
    return finish({ state: 'not-saved', reason: reasonOf(error) });
  }
  let missing: LessonAsset[];
  try {
    missing = await missingAssets(await options.assets(), options.cache, options.baseUrl);
  } catch (error) {
    return finish({ state: 'not-saved', reason: reasonOf(error) });
  }
  if (missing.length === 0) return finish({ state: 'ready' });
  if (!options.online()) return finish({ state: 'not-saved', reason: OFFLINE_REASON });
  options.onchange({ state: 'saving' });
  try {
    await downloadAssets(missing, {
      cache: options.cache,
      baseUrl: options.baseUrl,
      fetch: options.fetch,
    });
  } catch (error) {
    return finish({ state: 'not-saved', reason: downloadErrorMessage(error) });
  }
  return finish({ state: 'ready' });
}

/** Whether a lesson works offline now: the app precached and every declared file stored. */
export async function isReadyOffline(
  assets: LessonAsset[],
  options: { appStored: boolean; cache: AssetCache; baseUrl: string },
): Promise<boolean> {
  if (!options.appStored) return false;
  return (await missingAssets(assets, options.cache, options.baseUrl)).length === 0;
}
