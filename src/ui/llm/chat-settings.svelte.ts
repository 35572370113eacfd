/**
 * The page's one chat model setting (issue 12): an OpenAI-compatible endpoint, or none (the
 * course's offline model). Every kernel the page starts gets it in memory (SessionEngine);
 * the API key lives in this object for the visit, and in IndexedDB only when the learner
 * asks to keep it. The key is never a reactive field: nothing renders it.
 */
import type { ChatEndpointSettings } from '../../protocol/messages';
import {
  forgetKeptKey,
  keepKey,
  readKeptKey,
  readSavedEndpoint,
  saveEndpoint,
} from '../../storage/chat-settings';
import type { ChatSettingsSource } from '../session/session-engine';

export interface ChatSettingsInput {
  baseURL: string;
  model: string;
  /** A new key; empty keeps the key already set. */
  apiKey: string;
  keepKey: boolean;
}

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export class ChatSettings implements ChatSettingsSource {
  baseURL = $state('');
  model = $state('');
  hasKey = $state(false);
  keepKey = $state(false);
  /** Why saving or reading the kept key failed, for the form to show. */
  error = $state<string | undefined>();
  private apiKey = '';
  private readonly listeners = new Set<(endpoint: ChatEndpointSettings | null) => void>();

  constructor() {
    const saved = readSavedEndpoint(browserStorage());
    if (saved) ({ baseURL: this.baseURL, model: this.model } = saved);
    void readKeptKey().then(
      (key) => {
        if (!key || this.apiKey) return;
        this.apiKey = key;
        this.hasKey = true;
        this.keepKey = true;
        this.notify();
      },
      (error: unknown) => (this.error = String(error)),
    );
  }

  current(): ChatEndpointSettings | null {
    if (!this.baseURL || !this.model) return null;
    return {
      baseURL: this.baseURL,
      model: this.model,
      ...(this.apiKey && { apiKey: this.apiKey }),
    };
  }

  subscribe(listener: (endpoint: ChatEndpointSettings | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async save(input: ChatSettingsInput): Promise<void> {
    this.baseURL = input.baseURL.trim();
    this.model = input.model.trim();
    if (input.apiKey) this.apiKey = input.apiKey.trim();
    this.hasKey = this.apiKey !== '';
    this.keepKey = input.keepKey;
    saveEndpoint(
      browserStorage(),
      this.current() ? { baseURL: this.baseURL, model: this.model } : undefined,
    );
    this.notify();
    await this.storeKey();
  }

  /** Forgets the key, here and in IndexedDB. */
  async forgetKey(): Promise<void> {
    this.apiKey = '';
    this.hasKey = false;
    this.keepKey = false;
    this.notify();
    await this.storeKey();
  }

  /** Back to the offline model: no endpoint, no key. */
  async clear(): Promise<void> {
    this.baseURL = '';
    this.model = '';
    saveEndpoint(browserStorage(), undefined);
    await this.forgetKey();
  }

  private async storeKey(): Promise<void> {
    this.error = undefined;
    try {
      if (this.keepKey && this.apiKey) await keepKey(this.apiKey);
      else await forgetKeptKey();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private notify(): void {
    const endpoint = this.current();
    for (const listener of this.listeners) listener(endpoint);
  }
}

let shared: ChatSettings | undefined;

/** The page's settings, made on first use (they read this browser's storage). */
export function chatSettings(): ChatSettings {
  shared ??= new ChatSettings();
  return shared;
}
