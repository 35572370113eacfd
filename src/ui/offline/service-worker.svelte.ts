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

/** Rejects with the reason once it is known that no service worker will store the app. */
let failAppStorage: (reason: string) => void = () => undefined;
const appStorageFailure = new Promise<never>((_, reject) => {
  failAppStorage = (reason) => reject(new Error(reason));
});
appStorageFailure.catch(() => undefined);

/** Whether the app is precached now: Workbox activates a worker only once its precache is stored. */
export async function appIsStored(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  return Boolean(registration?.active);
}

/** Resolves once the app is precached; rejects with the reason when it will not be. */
export function whenAppStored(): Promise<unknown> {
  if (import.meta.env.DEV) {
    return Promise.reject(new Error('the development server has no service worker'));
  }
  if (!('serviceWorker' in navigator)) {
    return Promise.reject(new Error('this browser has no service worker (a private window?)'));
  }
  return Promise.race([navigator.serviceWorker.ready, appStorageFailure]);
}

/** An install that ends redundant (its precache failed, e.g. storage full) stores nothing. */
function watchInstall(registration: ServiceWorkerRegistration | undefined): void {
  const installing = registration?.installing;
  installing?.addEventListener('statechange', () => {
    if (installing.state === 'redundant' && !registration?.active) {
      failAppStorage('the browser could not store the app (is storage full?)');
    }
  });
}

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
    onRegisteredSW: (_url, registration) => watchInstall(registration),
    onRegisterError: (error: unknown) => {
      serviceWorker.error = error instanceof Error ? error.message : String(error);
      failAppStorage(`the service worker did not start (${serviceWorker.error})`);
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
