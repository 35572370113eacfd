/** The "Offline" page's hash route (kept here so the shared router needs no change). */
export const OFFLINE_HASH = '#/offline';

export function isOfflineRoute(hash: string): boolean {
  return hash === OFFLINE_HASH || hash === `${OFFLINE_HASH}/`;
}
