/**
 * The chat endpoint the learner chose (issue 12), remembered in this browser: the address
 * and model in localStorage (they are not secret), the API key only when the learner ticks
 * "keep the key in this browser", and then only in IndexedDB (database 'playgrad-settings'),
 * never in localStorage, edits, exports or share links.
 */
import { openDB, type DBSchema } from 'idb';
import { attempt, connectionCache } from './database';

export const SETTINGS_DB_NAME = 'playgrad-settings';
export const ENDPOINT_STORAGE_KEY = 'playgrad-chat-endpoint';
const SECRETS = 'secrets';
const API_KEY = 'chat-api-key';

interface SettingsDB extends DBSchema {
  secrets: { key: string; value: string };
}

const connections = connectionCache((dbName) =>
  openDB<SettingsDB>(dbName, 1, {
    upgrade(db) {
      db.createObjectStore(SECRETS);
    },
  }),
);

export interface SavedEndpoint {
  baseURL: string;
  model: string;
}

export async function readKeptKey(dbName = SETTINGS_DB_NAME): Promise<string | undefined> {
  return attempt('read the kept API key', async () =>
    (await connections.database(dbName)).get(SECRETS, API_KEY),
  );
}

export async function keepKey(key: string, dbName = SETTINGS_DB_NAME): Promise<void> {
  await attempt('keep the API key', async () => {
    await (await connections.database(dbName)).put(SECRETS, key, API_KEY);
  });
}

export async function forgetKeptKey(dbName = SETTINGS_DB_NAME): Promise<void> {
  await attempt('forget the kept API key', async () => {
    await (await connections.database(dbName)).delete(SECRETS, API_KEY);
  });
}

export function readSavedEndpoint(storage: Storage | undefined): SavedEndpoint | undefined {
  try {
    const value: unknown = JSON.parse(storage?.getItem(ENDPOINT_STORAGE_KEY) ?? 'null');
    const { baseURL, model } = (value ?? {}) as Partial<SavedEndpoint>;
    return typeof baseURL === 'string' && typeof model === 'string'
      ? { baseURL, model }
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveEndpoint(
  storage: Storage | undefined,
  endpoint: SavedEndpoint | undefined,
): void {
  try {
    if (endpoint) storage?.setItem(ENDPOINT_STORAGE_KEY, JSON.stringify(endpoint));
    else storage?.removeItem(ENDPOINT_STORAGE_KEY);
  } catch {
    // A storage that refuses (private mode, quota): the choice lasts this visit only.
  }
}
