/**
 * The kernel's `indexedDB`, in an origin that has none: just enough of the API for tfjs'
 * `indexeddb://` models (open, two object stores with a keyPath, get/put/delete/getAll),
 * with the records kept by the page in a database of the kernel's own
 * (src/ui/session/kernel-store.ts). A lesson saves a model and loads it back, after a
 * reload too; a cell never reaches the page's own databases (edits, progress).
 * Not an IndexedDB: no indexes, cursors, key ranges or `databases()`.
 */
import type { HostClient } from './host-client';
import type { StoreOperation } from './host-protocol';

type Handler = ((event: Event) => void) | null;

class ShimRequest {
  result: unknown = undefined;
  error: unknown = null;
  onsuccess: Handler = null;
  onerror: Handler = null;
  onupgradeneeded: Handler = null;

  settle(outcome: Promise<unknown>, after: () => void = () => {}): this {
    outcome.then(
      (result) => {
        this.result = result;
        this.onsuccess?.(new Event('success'));
        after();
      },
      (error: unknown) => {
        this.error = error;
        this.onerror?.(new Event('error'));
        after();
      },
    );
    return this;
  }
}

class ShimTransaction {
  oncomplete: Handler = null;
  onerror: Handler = null;
  private open = 0;

  constructor(
    private readonly db: ShimDatabase,
    private readonly run: (operation: StoreOperation) => Promise<unknown>,
  ) {}

  objectStore(name: string) {
    const keyPath = this.db.keyPaths.get(name) ?? 'id';
    const request = (operation: StoreOperation) => {
      this.open++;
      return new ShimRequest().settle(this.run(operation), () => this.finish());
    };
    const store = { db: this.db.name, store: name };
    return {
      get: (key: string) => request({ op: 'get', ...store, key }),
      delete: (key: string) => request({ op: 'delete', ...store, key }),
      getAll: () => request({ op: 'getAll', ...store }),
      put: (value: Record<string, unknown>) =>
        request({ op: 'put', ...store, key: String(value[keyPath]), value }),
    };
  }

  private finish(): void {
    if (--this.open > 0) return;
    // Handlers may start more requests in this transaction; complete only when none are left.
    setTimeout(() => {
      if (this.open === 0) this.oncomplete?.(new Event('complete'));
    });
  }
}

class ShimDatabase {
  readonly keyPaths = new Map<string, string>();
  constructor(
    readonly name: string,
    private readonly run: (operation: StoreOperation) => Promise<unknown>,
  ) {}
  createObjectStore(name: string, options?: { keyPath?: string }): void {
    this.keyPaths.set(name, options?.keyPath ?? 'id');
  }
  transaction(_stores: string | string[], _mode?: string): ShimTransaction {
    return new ShimTransaction(this, this.run);
  }
  close(): void {}
}

export function kernelIndexedDB(host: HostClient) {
  const run = (operation: StoreOperation) => host.requestValue({ host: 'store', ...operation });
  return {
    open(name: string): ShimRequest {
      const request = new ShimRequest();
      const db = new ShimDatabase(name, run);
      request.result = db;
      setTimeout(() => {
        // Every open is a first open: the stores' keyPaths are learned from the upgrade.
        request.onupgradeneeded?.(new Event('upgradeneeded'));
        request.onsuccess?.(new Event('success'));
      });
      return request;
    },
    deleteDatabase(): ShimRequest {
      return new ShimRequest().settle(
        Promise.reject(new DOMException('Not available in the kernel', 'NotSupportedError')),
      );
    },
  };
}
