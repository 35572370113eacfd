/** A Map-backed stand-in for localStorage, optionally refusing every call like a locked one. */
import type { BackendCacheStorage } from '../../../src/ui/session/backend-cache';

export class MemoryStorage implements BackendCacheStorage {
  readonly items = new Map<string, string>();
  /** When set, every call throws like localStorage in a sandboxed frame or at quota. */
  failWith: Error | undefined;

  getItem(key: string): string | null {
    this.check();
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.check();
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.check();
    this.items.delete(key);
  }

  private check(): void {
    if (this.failWith) throw this.failWith;
  }
}
