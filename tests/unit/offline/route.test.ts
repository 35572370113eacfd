import { describe, expect, test } from 'vitest';
import { OFFLINE_HASH, isOfflineRoute } from '../../../src/ui/offline/route';

describe('isOfflineRoute', () => {
  test('matches the Offline page hash only', () => {
    expect(OFFLINE_HASH).toBe('#/offline');
    expect(isOfflineRoute('#/offline')).toBe(true);
    expect(isOfflineRoute('#/offline/')).toBe(true);
    expect(isOfflineRoute('#/offline-x')).toBe(false);
    expect(isOfflineRoute('#/lesson/offline')).toBe(false);
    expect(isOfflineRoute('')).toBe(false);
  });
});
