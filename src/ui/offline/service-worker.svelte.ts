/**
 * Registers the service worker that precaches the app (docs/decisions.md), and tells the UI
 * when a new deploy is waiting. The update is never forced: the learner chooses when to reload.
 */
import { registerSW } from 'virtual:pwa-register';
import { deleteOldLessonAssetCaches } from './lesson-assets-cache';

export const serviceWorker = $state({
  /** A new version is installed and waits for the learner's "Reload". */
  updateReady: false,
  /** The app is precached: it works without a network (lessons with large files once stored). */
  offlineReady: false,
  /** Registration failed (unsupported browser, private mode, file://). */
  error: undefined as string | undefined,
});

let applyUpdate: ((reloadPage?: boolean) => Promise<void>) | undefined;

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  applyUpdate = registerSW({
    immediate: true,
    onNeedRefresh: () => {
      serviceWorker.updateReady = true;
    },
    onOfflineReady: () => {
      serviceWorker.offlineReady = true;
    },
    onRegisterError: (error: unknown) => {
      serviceWorker.error = error instanceof Error ? error.message : String(error);
    },
  });
  // Per-lesson files of an earlier version are never served again: free their space.
  if ('caches' in globalThis) void deleteOldLessonAssetCaches(caches).catch(() => undefined);
}

/** Activates the waiting version and reloads (edits are in IndexedDB, so none are lost). */
export async function reloadToUpdate(): Promise<void> {
  if (applyUpdate) await applyUpdate(true);
  else location.reload();
}

export function dismissUpdate(): void {
  serviceWorker.updateReady = false;
}
